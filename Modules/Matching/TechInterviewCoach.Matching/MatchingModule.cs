using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TechInterviewCoach.BuildingBlocks.Composition;
using TechInterviewCoach.BuildingBlocks.Persistence;
using TechInterviewCoach.Matching.Data;
using TechInterviewCoach.Matching.Features;
using TechInterviewCoach.Matching.Features.Access;
using TechInterviewCoach.Matching.Features.Coaches;
using TechInterviewCoach.Matching.Features.Cv;
using TechInterviewCoach.Matching.Features.Matches;
using TechInterviewCoach.Matching.Features.Quiz;

namespace TechInterviewCoach.Matching;

/// <summary>The quiz, the CV, coach profiles and listings, ranked matches, and the rule that releases quiz and CV to a coach only through a conversation.</summary>
public sealed class MatchingModule : IModule
{
    public string Name => MatchingDbContext.ModuleName;

    public void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddModuleDbContext<MatchingDbContext>(Name);
        services.AddValidatedOptions<MatchingOptions>(configuration, MatchingOptions.Section);
        services.AddSingleton<CvStore>();
        services.AddSingleton<MatchSnapshotCache>();
        services.AddSingleton<CoachCardCache>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/matching").WithTags("Matching");
        QuizEndpoints.Map(api);
        CvEndpoints.Map(api);
        CoachEndpoints.Map(api);
        DirectoryEndpoints.Map(api);
        MatchEndpoints.Map(api);
        AccessEndpoints.Map(api);
        GetCvReadingEndpoint.Map(api);
        CorrectCvReadingEndpoint.Map(api);
        ListSkillsEndpoint.Map(api);
        ViewCoacheeCvReadingEndpoint.Map(api);
    }
}
