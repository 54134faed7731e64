using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TechInterviewCoach.BuildingBlocks.Composition;
using TechInterviewCoach.BuildingBlocks.Persistence;
using TechInterviewCoach.Orders.Data;
using TechInterviewCoach.Orders.Features;
using TechInterviewCoach.Orders.Features.Simulator;
using TechInterviewCoach.Orders.Features.Webhooks;
using TechInterviewCoach.Orders.Stripe;

namespace TechInterviewCoach.Orders;

/// <summary>Stripe Connect payments, bookings, refunds, disputes, payouts, and the admin order record.</summary>
public sealed class OrdersModule : IModule
{
    public string Name => OrdersDbContext.ModuleName;

    public void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddModuleDbContext<OrdersDbContext>(Name);
        services.AddValidatedOptions<StripeOptions>(configuration, StripeOptions.Section);
        services.AddValidatedOptions<OrdersOptions>(configuration, OrdersOptions.Section);

        // Stripe.net over a typed HttpClient from the factory (SystemNetHttpClient wraps it); Stripe.net does the retries.
        services.AddHttpClient<StripeApiGateway>(http => http.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<SimulatorEvents>();
        services.AddScoped<SimulatedStripe>();
        services.AddScoped<IStripeGateway>(sp => sp.GetRequiredService<IOptions<StripeOptions>>().Value.Simulated
            ? sp.GetRequiredService<SimulatedStripe>()
            : sp.GetRequiredService<StripeApiGateway>());

        services.AddSingleton<WebhookSecrets>();
        services.AddSingleton<StripeEventSignal>();
        services.AddScoped<WebhookReceiver>();
        services.AddScoped<StripeEventApplier>();
        services.AddScoped<OrderNotifier>();
        services.AddSingleton<StripeEventProcessor>();
        services.AddHostedService(sp => sp.GetRequiredService<StripeEventProcessor>());
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/orders").WithTags("Orders");
        OrdersEndpoints.Map(api);
        // Issue 15: completion and reviews.
        GetSessionOutcomeEndpoint.Map(api);
        ReportSessionProblemEndpoint.Map(api);
        AnswerSessionReportEndpoint.Map(api);
        SettleSessionReportEndpoint.Map(api);
        WriteReviewEndpoint.Map(api);
        EditReviewEndpoint.Map(api);
        ReplyToReviewEndpoint.Map(api);
        HideReviewEndpoint.Map(api);
        ListReportedSessionsEndpoint.Map(api);
        GetCoachReviewsEndpoint.Map(api);
        WebhookReceiver.Map(endpoints);
    }
}
