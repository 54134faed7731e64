using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TechInterviewCoach.BuildingBlocks.Composition;

namespace TechInterviewCoach.Integrations;

/// <summary>
/// Email (Resend), product analytics (PostHog) and error reports (Rollbar). Composed like a module so the
/// host wires it the same way; it is platform plumbing, not a business module.
/// </summary>
public sealed class IntegrationsModule : IModule
{
    public string Name => "integrations";

    public void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
