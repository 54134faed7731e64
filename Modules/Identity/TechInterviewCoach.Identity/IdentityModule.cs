using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TechInterviewCoach.BuildingBlocks.Composition;
using TechInterviewCoach.BuildingBlocks.Persistence;
using TechInterviewCoach.Identity.Data;
using TechInterviewCoach.Identity.Features.Demo;
using TechInterviewCoach.Identity.Features.DevSignIn;
using TechInterviewCoach.Identity.Features.Users;
using TechInterviewCoach.Identity.SignIn;

namespace TechInterviewCoach.Identity;

/// <summary>Accounts, sign-in, roles, settings, and the person's rights to export and delete their data.</summary>
public sealed class IdentityModule : IModule
{
    public string Name => IdentityDbContext.ModuleName;

    public void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddModuleDbContext<IdentityDbContext>(Name);
        services.AddMemoryCache();
        services.AddSingleton<DevSignInGate>();
        services.AddHostedService<DemoSeeder>();
        services.PostConfigure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme,
            o => o.Events.OnValidatePrincipal = Sessions.ValidateAsync);
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/identity").WithTags("Identity");
        MeEndpoint.Map(api);
        DevSignInEndpoint.Map(endpoints);
    }
}
