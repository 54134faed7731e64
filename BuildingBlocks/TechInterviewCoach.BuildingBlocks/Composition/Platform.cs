using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using TechInterviewCoach.BuildingBlocks.Web;

namespace TechInterviewCoach.BuildingBlocks.Composition;

public sealed class SecurityOptions
{
    public const string Section = "Security";
    /// <summary>HTTPS redirection, HSTS and Secure-only cookies. Defaults to true outside Development.</summary>
    public bool? RequireHttps { get; set; }
}

public sealed class ForwardedHeadersSettings
{
    public const string Section = "ForwardedHeaders";
    /// <summary>Honour X-Forwarded-For/-Proto from the proxies below (running behind a load balancer).</summary>
    public bool Enabled { get; set; }
    public List<string> KnownProxies { get; set; } = [];
    /// <summary>CIDR ranges, e.g. "10.0.0.0/8".</summary>
    public List<string> KnownNetworks { get; set; } = [];
}

/// <summary>Composes the platform and the modules. The host's Program.cs calls these two methods and nothing else of substance.</summary>
public static class Platform
{
    public static WebApplicationBuilder AddPlatform(this WebApplicationBuilder builder, IReadOnlyList<IModule> modules)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        var environment = builder.Environment;

        // Serve each module's static files (/_content/<Assembly>/...) from the build output in every environment;
        // a published app has them in wwwroot already, where this is a no-op.
        builder.WebHost.UseStaticWebAssets();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMediatorCore();

        // Persistence and the outbox (the platform's context is registered first, so it migrates first).
        services.AddSingleton<DatabaseProvider>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxSignalInterceptor>();
        services.AddScoped<OutboxExecutionContext>();
        services.AddModuleDbContext<PlatformDbContext>(PlatformDbContext.ModuleName);
        services.AddValidatedOptions<DatabaseOptions>(configuration, DatabaseOptions.Section);
        services.AddValidatedOptions<OutboxOptions>(configuration, OutboxOptions.Section);
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());

        services.AddDataProtection().SetApplicationName("TechInterviewCoach");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DbXmlRepository(sp.GetRequiredService<Microsoft.Extensions.DependencyInjection.IServiceScopeFactory>())));

        // Web: errors, security, limits, health, pages, API description.
        services.AddPlatformProblemDetails();
        services.AddPlatformRateLimiting(configuration);
        services.AddValidatedOptions<SecurityOptions>(configuration, SecurityOptions.Section);
        services.AddValidatedOptions<ForwardedHeadersSettings>(configuration, ForwardedHeadersSettings.Section);
        services.AddOptions<ContentSecurityPolicyOptions>();
        var requireHttps = configuration.GetValue<bool?>($"{SecurityOptions.Section}:RequireHttps") ?? !environment.IsDevelopment();

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = "tic.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = requireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/signin";
                o.LogoutPath = "/signout";
                o.AccessDeniedPath = "/forbidden";
                o.ExpireTimeSpan = TimeSpan.FromDays(14);
                o.SlidingExpiration = true;
                o.Events.OnRedirectToLogin = ctx => AnswerApi(ctx, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => AnswerApi(ctx, StatusCodes.Status403Forbidden);
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.Coach, p => p.RequireRole(Roles.Coach))
            .AddPolicy(Policies.Coachee, p => p.RequireRole(Roles.Coachee))
            .AddPolicy(Policies.Member, p => p.RequireAuthenticatedUser().RequireClaim(AppClaims.Onboarded, "true"));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "tic.xsrf";
            o.Cookie.SecurePolicy = requireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });
        // Behind a TLS-terminating proxy the server cannot discover the public HTTPS port; it is 443 unless https_port says otherwise.
        services.AddHttpsRedirection(o => o.HttpsPort = configuration.GetValue<int?>("https_port") ?? 443);
        services.AddHsts(o => { o.MaxAge = TimeSpan.FromDays(365); o.IncludeSubDomains = true; });
        services.AddHealthChecks().AddDbContextCheck<PlatformDbContext>("database", tags: ["ready"]);
        services.AddRazorPages(o => o.Conventions.ConfigureFilter(new FailurePageFilter()));
        // Schema ids from the full type name: two request types both called "Request" (or "Body") in different features no
        // longer share one schema, so the document describes what each endpoint really reads.
        services.AddOpenApi(o => o.CreateSchemaReferenceId = OpenApiSchemaIds.Create);
        // Bodies and parameters that cannot be read are answered by the exception handler (a problem naming the field), in every environment.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));

        foreach (var module in modules)
        {
            module.AddServices(services, configuration, environment);
            services.AddHandlersFrom(module.GetType().Assembly);
        }
        return builder;
    }

    private static Task AnswerApi(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.HttpContext.IsApiRequest()) context.Response.StatusCode = status;
        else context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    public static WebApplication UsePlatform(this WebApplication app, IReadOnlyList<IModule> modules)
    {
        var forwarded = app.Services.GetRequiredService<IOptions<ForwardedHeadersSettings>>().Value;
        if (forwarded.Enabled)
        {
            var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
            foreach (var proxy in forwarded.KnownProxies) options.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in forwarded.KnownNetworks) options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            app.UseForwardedHeaders(options);
        }

        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/Error",
            StatusCodeSelector = ProblemDetailsSetup.StatusFor,
            // A person's mistake (400/403/404/409) is answered, not logged as a server failure.
            SuppressDiagnosticsCallback = c => ProblemDetailsSetup.StatusFor(c.Exception) < 500,
        });
        var requireHttps = app.Configuration.GetValue<bool?>($"{SecurityOptions.Section}:RequireHttps") ?? !app.Environment.IsDevelopment();
        if (requireHttps)
        {
            app.UseHsts();
            app.UseWhen(c => !c.Request.Path.StartsWithSegments("/healthz"), b => b.UseHttpsRedirection());
        }
        app.UseSecurityHeaders();
        app.UseWhen(c => c.IsApiRequest(), b => b.UseStatusCodePages());
        app.UseWhen(c => !c.IsApiRequest(), b => b.UseStatusCodePagesWithReExecute("/Error", "?status={0}"));
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        app.MapOpenApi();
        app.MapRazorPages();
        // Every module endpoint gets the edge rule for text and nulls (InputGuard) on its bound arguments.
        var endpoints = app.MapGroup("");
        endpoints.AddEndpointFilterFactory(InputGuardFilter.Factory);
        foreach (var module in modules) module.MapEndpoints(endpoints);
        return app;
    }

    /// <summary>`migrate` applies the migrations and exits; otherwise they are applied at start-up unless Database:MigrateOnStartup is false.</summary>
    public static async Task<bool> MigrateAsync(this WebApplication app, string[] args)
    {
        var migrator = app.Services.GetRequiredService<DatabaseMigrator>();
        if (args.Contains("migrate"))
        {
            await migrator.MigrateAsync();
            return true;
        }
        if (app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup)
            await migrator.MigrateAsync();
        return false;
    }
}
