using System.Security.Claims;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using TechInterviewCoach.BuildingBlocks.Application;
using TechInterviewCoach.BuildingBlocks.Web;
using TechInterviewCoach.Orders.Domain;
using TechInterviewCoach.Orders.Features.Bookings;
using TechInterviewCoach.Orders.Features.Checkout;
using TechInterviewCoach.Orders.Features.OrderViews;
using TechInterviewCoach.Orders.Features.Payouts;
using TechInterviewCoach.Orders.Features.Refunds;
using TechInterviewCoach.SharedKernel;

namespace TechInterviewCoach.Orders.Features;

internal sealed record CheckoutBody(Guid ListingId, List<DateTime>? SlotStarts);
internal sealed record RefundBody(long AmountMinor, string? Reason);

internal static class OrdersEndpoints
{
    public static string Origin(HttpRequest r) => $"{r.Scheme}://{r.Host}";

    public static IResult Unavailable(CheckoutUnavailableException e) => TypedResults.Problem(
        statusCode: 503, title: "Payment provider unavailable", detail: e.Message,
        extensions: new Dictionary<string, object?> { ["code"] = "payment_provider_unavailable", ["orderId"] = e.OrderId });

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/checkout/{listingId:guid}", async (Guid listingId, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetCheckoutQuote(listingId, user.GetUserId(), user.GetTimeZone().Id), ct)))
            .RequireAuthorization(Policies.Member).WithSummary("Price, platform fee, coach's net and bookable slots of a listing.");

        api.MapPost("/checkout", async (CheckoutBody body, HttpRequest request, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
            {
                try
                {
                    var key = request.Headers["Idempotency-Key"].ToString();
                    var result = await m.Send(new StartCheckout(user.GetUserId(), body.ListingId, body.SlotStarts ?? [], key.Length > 0 ? key : null, Origin(request)), ct);
                    return Results.Ok(result);
                }
                catch (CheckoutUnavailableException e) { return Unavailable(e); }
            })
            .RequireAuthorization(Policies.Member).RequireRateLimiting(RateLimitPolicies.Writes)
            .WithSummary("Creates a pending order holding the slots and a Stripe Checkout Session; answers its URL.");

        api.MapPost("/{orderId:guid}/checkout/retry", async (Guid orderId, HttpRequest request, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
            {
                try { return Results.Ok(await m.Send(new RetryCheckout(orderId, user.GetUserId(), Origin(request)), ct)); }
                catch (CheckoutUnavailableException e) { return Unavailable(e); }
            })
            .RequireAuthorization(Policies.Member).RequireRateLimiting(RateLimitPolicies.Writes)
            .WithSummary("Retries creating the Checkout Session of a pending order with its stored idempotency key.");

        api.MapPost("/{orderId:guid}/checkout/cancel", async (Guid orderId, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(new { outcome = (await m.Send(new CancelCheckout(orderId, user.GetUserId()), ct)).ToString() }))
            .RequireAuthorization(Policies.Member).RequireRateLimiting(RateLimitPolicies.Writes)
            .WithSummary("Cancels a checkout that waits for payment: expires its Checkout Session and releases the held slots at once. Repeating it changes nothing.");

        api.MapGet("/{orderId:guid}", async (Guid orderId, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetOrder(orderId, user.GetUserId(), user.IsInRole(Roles.Admin)), ct)))
            .RequireAuthorization(Policies.Member);

        api.MapGet("/mine", async (ClaimsPrincipal user, IMediator m, int? page, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ListOrders(new OrderFilter(CoacheeId: user.GetUserId(), Page: page ?? 1)), ct)))
            .RequireAuthorization(Policies.Member);

        api.MapGet("/coach", async (ClaimsPrincipal user, IMediator m, int? page, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ListOrders(new OrderFilter(CoachId: user.GetUserId(), Page: page ?? 1)), ct)))
            .RequireAuthorization(Policies.Coach);

        api.MapPost("/sessions/{sessionId:guid}/cancel", async (Guid sessionId, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new CancelSession(sessionId, user.GetUserId()), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Member).RequireRateLimiting(RateLimitPolicies.Writes);

        api.MapPost("/{orderId:guid}/refunds", async (Guid orderId, RefundBody body, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new RefundOrder(orderId, body.AmountMinor, body.Reason ?? "", user.GetUserId(), user.IsInRole(Roles.Admin)), ct)))
            .RequireAuthorization(Policies.Member).RequireRateLimiting(RateLimitPolicies.Writes)
            .WithSummary("Refunds all or part of an order (admin, or the coach for their own order).");

        // Coach payouts
        api.MapGet("/payouts", async (ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetPayoutStatus(user.GetUserId()), ct)))
            .RequireAuthorization(Policies.Coach);
        api.MapPost("/payouts/onboarding", async (HttpRequest request, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(new { url = await m.Send(new StartOnboarding(user.GetUserId(), Origin(request)), ct) }))
            .RequireAuthorization(Policies.Coach).RequireRateLimiting(RateLimitPolicies.Writes);
        api.MapPost("/payouts/refresh", async (ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new RefreshPayoutAccount(user.GetUserId()), ct)))
            .RequireAuthorization(Policies.Coach).RequireRateLimiting(RateLimitPolicies.Writes);

        // Admin
        var admin = api.MapGroup("/admin").RequireAuthorization(Policies.Admin);
        admin.MapGet("/orders", async ([AsParameters] AdminOrderQuery q, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ListOrders(q.ToFilter()), ct)));
        admin.MapGet("/orders.csv", async ([AsParameters] AdminOrderQuery q, IMediator m, CancellationToken ct) =>
        {
            var page = await m.Send(new ListOrders(q.ToFilter() with { Page = 1, PageSize = 100_000 }), ct);
            return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(OrdersCsv.Write(page.Items)), "text/csv", "orders.csv");
        });
        admin.MapGet("/disputes", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListDisputes(), ct)));
        admin.MapGet("/payouts", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListAllPayouts(), ct)));
        admin.MapGet("/events", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new Webhooks.ListSetAsideEvents(), ct)))
            .WithSummary("Stored Stripe events set aside (repeated failures, or another API version), with the reason.");
        admin.MapPost("/events/{eventId}/retry", async (string eventId, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new Webhooks.RetryStoredEvent(eventId, user.GetUserId()), ct)))
            .RequireRateLimiting(RateLimitPolicies.Writes);
    }
}

internal sealed class AdminOrderQuery
{
    public string? State { get; set; }
    public DateTime? From { get; set; }
    public DateTime? To { get; set; }
    public Guid? CoachId { get; set; }
    public Guid? CoacheeId { get; set; }
    public long? MinAmountMinor { get; set; }
    public long? MaxAmountMinor { get; set; }
    public string? Q { get; set; }
    public string? Currency { get; set; }
    public int? Page { get; set; }
    public int? PageSize { get; set; }

    public OrderFilter ToFilter() => new(
        Enum.TryParse<OrderState>(State, true, out var s) ? s : null,
        From is { } f ? DateTime.SpecifyKind(f, DateTimeKind.Utc) : null,
        To is { } t ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : null,
        CoachId, CoacheeId, MinAmountMinor, MaxAmountMinor, Q, Page ?? 1, Math.Clamp(PageSize ?? 25, 1, 200),
        Currencies.IsSupported(Currency) ? Currency!.ToUpperInvariant() : null);

    /// <summary>The same filter as this query's CSV address (amounts in minor units, times in UTC).</summary>
    public static string CsvLink(OrderFilter f)
    {
        var parts = new List<string>();
        void Add(string k, object? v) { if (v is not null) parts.Add($"{k}={Uri.EscapeDataString(Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)!)}"); }
        Add("State", f.State?.ToString()); Add("From", f.From?.ToString("o")); Add("To", f.To?.ToString("o"));
        Add("CoachId", f.CoachId); Add("CoacheeId", f.CoacheeId); Add("MinAmountMinor", f.MinAmountMinor); Add("MaxAmountMinor", f.MaxAmountMinor);
        Add("Q", f.Query); Add("Currency", f.Currency);
        return "/api/orders/admin/orders.csv" + (parts.Count > 0 ? "?" + string.Join("&", parts) : "");
    }
}
