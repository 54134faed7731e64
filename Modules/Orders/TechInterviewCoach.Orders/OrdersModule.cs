using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using TechInterviewCoach.BuildingBlocks.Composition;
using TechInterviewCoach.BuildingBlocks.Persistence;

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
        services.AddSingleton<StripeEventInbox>();
        services.AddHostedService(sp => sp.GetRequiredService<StripeEventInbox>());
        services.AddScoped<OrderNotifier>();
        services.AddScoped<SessionNotifier>();
        services.AddScoped<SessionSlots>();
        services.AddHostedService<SessionSweeper>();
        services.AddSingleton<StripeEventProcessor>();
        services.AddHostedService(sp => sp.GetRequiredService<StripeEventProcessor>());
    }

    /// <summary>The module's API under /api/orders, and Stripe's webhooks under /webhooks/stripe: each use case maps its own routes.</summary>
    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/orders").WithTags("Orders");
        GetCheckoutQuoteEndpoint.Map(api);
        StartCheckoutEndpoint.Map(api);
        RetryCheckoutEndpoint.Map(api);
        CancelCheckoutEndpoint.Map(api);
        GetOrderEndpoint.Map(api);
        ListMyOrdersEndpoint.Map(api);
        CancelSessionEndpoint.Map(api);
        RefundOrderEndpoint.Map(api);
        GetPayoutStatusEndpoint.Map(api);
        StartOnboardingEndpoint.Map(api);
        RefreshPayoutAccountEndpoint.Map(api);
        SearchOrdersEndpoint.Map(api);
        ListDisputesEndpoint.Map(api);
        ListAllPayoutsEndpoint.Map(api);
        ListSetAsideEventsEndpoint.Map(api);
        RetryStripeEventEndpoint.Map(api);
        // Issue 15: booking as you go, moving, and the session page.
        BookSessionEndpoint.Map(api);
        ShowFreeWeekEndpoint.Map(api);
        ShowSessionEndpoint.Map(api);
        RescheduleSessionEndpoint.Map(api);
        AnswerRescheduleEndpoint.Map(api);
        RefundUnusedSessionsEndpoint.Map(api);
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

        ReceiveStripeWebhookEndpoint.Map(endpoints.MapGroup("/webhooks/stripe"));
    }

    /// <summary>The app's public origin (scheme and host of the request), for the URLs Stripe sends people back to.</summary>
    internal static string Origin(HttpRequest r) => $"{r.Scheme}://{r.Host}";
}
