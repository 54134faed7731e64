using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TechInterviewCoach.BuildingBlocks.Composition;
using TechInterviewCoach.BuildingBlocks.Persistence;
using TechInterviewCoach.Matching.Data;

namespace TechInterviewCoach.Matching;

/// <summary>The quiz, the CV, coach profiles and listings, ranked matches, and the rule that releases quiz and CV to a coach only through a conversation.</summary>
public sealed class MatchingModule : IModule
{
    public string Name => MatchingDbContext.ModuleName;

    public void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddModuleDbContext<MatchingDbContext>(Name);
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/matching").WithTags("Matching");
    }
}
