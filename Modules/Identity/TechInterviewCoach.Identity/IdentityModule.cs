using TechInterviewCoach.BuildingBlocks.Composition;
using TechInterviewCoach.BuildingBlocks.Persistence;

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
        GetMeEndpoint.Map(api);
        OnboardEndpoint.Map(api);
        GetSettingsEndpoint.Map(api);
        UpdateSettingsEndpoint.Map(api);
        SignOutEverywhereEndpoint.Map(api);
        ListSignInsEndpoint.Map(api);
        ExportDataEndpoint.Map(api);
        DeleteAccountEndpoint.Map(api);
        var admin = api.MapGroup("/admin/users").RequireAuthorization(Policies.Admin).WithTags("Identity admin");
        ListUsersEndpoint.Map(admin);
        SuspendUserEndpoint.Map(admin);
        SetAdminRoleEndpoint.Map(admin);
        // Outside /api/identity: the browser's sign-in round trips (LinkedIn's redirect URI, the dev sign-in used by tests).
        SignInWithLinkedInEndpoint.Map(endpoints);
        DevSignInEndpoint.Map(endpoints);
    }
}
