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
using TechInterviewCoach.Identity.Features.Admin;
using TechInterviewCoach.Identity.Features.Deletion;
using TechInterviewCoach.Identity.Features.Export;
using TechInterviewCoach.Identity.Features.LinkedIn;
using TechInterviewCoach.Identity.Features.Onboarding;
using TechInterviewCoach.Identity.Features.Settings;
using TechInterviewCoach.Identity.Features.SignIns;
using TechInterviewCoach.BuildingBlocks.Web;
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
        services.AddValidatedOptions<SignInHistoryOptions>(configuration, SignInHistoryOptions.Section);
        services.AddSingleton<SignInRetention>();
        services.AddHostedService(sp => sp.GetRequiredService<SignInRetention>());
        services.PostConfigure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, o =>
        {
            o.Events.OnValidatePrincipal = Sessions.ValidateAsync;
            // A signed-in person who has not finished onboarding is sent there instead of "forbidden" (Member policy).
            var accessDenied = o.Events.OnRedirectToAccessDenied;
            o.Events.OnRedirectToAccessDenied = ctx =>
            {
                var principal = ctx.HttpContext.User;
                if (!ctx.HttpContext.IsApiRequest() && principal.Identity?.IsAuthenticated == true
                    && principal.FindFirst(AppClaims.Onboarded)?.Value != "true")
                {
                    var back = ctx.Request.PathBase + ctx.Request.Path + ctx.Request.QueryString;
                    ctx.Response.Redirect("/onboarding?returnUrl=" + Uri.EscapeDataString(back));
                    return Task.CompletedTask;
                }
                return accessDenied(ctx);
            };
        });
        if (LinkedInAuthentication.IsConfigured(configuration))
            LinkedInAuthentication.Add(services, configuration, environment);
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/identity").WithTags("Identity");
        MeEndpoint.Map(api);
        OnboardingEndpoint.Map(api);
        SettingsEndpoints.Map(api);
        ListSignInsEndpoint.Map(api);
        ExportEndpoint.Map(api);
        DeleteAccountEndpoint.Map(api);
        AdminUsersEndpoints.Map(api);
        LinkedInEndpoints.Map(endpoints);
        DevSignInEndpoint.Map(endpoints);
    }
}
