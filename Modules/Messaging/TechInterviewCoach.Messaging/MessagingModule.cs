using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TechInterviewCoach.BuildingBlocks.Composition;
using TechInterviewCoach.BuildingBlocks.Persistence;
using TechInterviewCoach.Messaging.Data;

namespace TechInterviewCoach.Messaging;

/// <summary>Conversations between a coachee and a coach, live chat over Server-Sent Events, unread counts and responsiveness.</summary>
public sealed class MessagingModule : IModule
{
    public string Name => MessagingDbContext.ModuleName;

    public void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddModuleDbContext<MessagingDbContext>(Name);
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/messaging").WithTags("Messaging");
    }
}
