using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace TechInterviewCoach.Orders.Tests;

/// <summary>Stripe's official example objects (tests/Orders.Tests/Vendor/stripe/fixtures3.json, MIT), patched per test.</summary>
public static class StripeFixtures
{
    private static readonly Lazy<JsonObject> Resources = new(() =>
        (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Vendor", "stripe", "fixtures3.json")))!["resources"]!);

    public static JsonObject Get(string resource) => (JsonObject)Resources.Value[resource]!.DeepClone();

    public static JsonObject Patch(this JsonObject o, Action<JsonObject> patch) { patch(o); return o; }

    /// <summary>An event wrapping <paramref name="obj"/>, shaped like the fixture's event object.</summary>
    public static string Event(string id, string type, JsonObject obj, DateTimeOffset created, string? account = null, string? apiVersion = null)
    {
        var ev = Get("event");
        ev["id"] = id;
        ev["api_version"] = apiVersion ?? global::Stripe.StripeConfiguration.ApiVersion; // the endpoints are created with Stripe.net's pinned version
        ev["type"] = type;
        ev["created"] = created.ToUnixTimeSeconds();
        ev["data"] = new JsonObject { ["object"] = obj };
        if (account is not null) ev["account"] = account; else ev.Remove("account");
        return ev.ToJsonString();
    }

    /// <summary>The Stripe-Signature header Stripe would send (t=…,v1=HMAC-SHA256("{t}.{body}")), made by Stripe.net.</summary>
    public static string Sign(string body, string secret, DateTimeOffset at) =>
        global::Stripe.EventUtility.GenerateSignatureHeader(body, secret, at.ToUnixTimeSeconds());
}

/// <summary>A local Stripe: answers with the fixtures, records every request, can be told to fail.</summary>
public sealed class StripeStandIn : IAsyncDisposable
{
    private int _n;
    public StandIn Server { get; private set; } = null!;
    /// <summary>How many next Checkout Session calls fail, and how (<see cref="CheckoutFailure"/>).</summary>
    public int FailCheckouts;
    public Failure CheckoutFailure = Failure.ServerError;

    public enum Failure
    {
        /// <summary>500 with Stripe's api_error object.</summary>
        ServerError,
        /// <summary>429 lock_timeout with Stripe-Should-Retry: true, as Stripe answers when an object is busy.</summary>
        RetryableTooManyRequests,
        /// <summary>429 rate_limit without Stripe-Should-Retry: Stripe.net does not retry it.</summary>
        RateLimited,
        /// <summary>The connection is dropped before any answer.</summary>
        DropConnection,
    }
    /// <summary>Checkout Sessions expired through the API.</summary>
    public readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> ExpiredSessions = new();

    public static async Task<StripeStandIn> StartAsync()
    {
        var s = new StripeStandIn();
        s.Server = await StandIn.StartAsync(app =>
        {
            app.MapPost("/v1/accounts", async (HttpRequest r) =>
            {
                var form = await Form(r);
                return Json(StripeFixtures.Get("account").Patch(a =>
                {
                    a["id"] = "acct_test_" + form["metadata[coach_id]"].ToString().Replace("-", "")[..12];
                    a["charges_enabled"] = false; a["payouts_enabled"] = false; a["details_submitted"] = false;
                    a["requirements"]!["currently_due"] = new JsonArray("external_account", "tos_acceptance.date");
                }));
            });
            app.MapGet("/v1/accounts/{id}", (string id) => Json(StripeFixtures.Get("account").Patch(a =>
            {
                a["id"] = id; a["charges_enabled"] = true; a["payouts_enabled"] = true; a["details_submitted"] = true;
                a["requirements"]!["currently_due"] = new JsonArray();
            })));
            app.MapPost("/v1/account_links", () => Json(StripeFixtures.Get("account_link")));
            app.MapPost("/v1/checkout/sessions", async (HttpContext c) =>
            {
                var r = c.Request;
                if (Interlocked.Decrement(ref s.FailCheckouts) >= 0)
                    switch (s.CheckoutFailure)
                    {
                        case Failure.DropConnection:
                            c.Abort();
                            return Results.Empty;
                        case Failure.RetryableTooManyRequests:
                            c.Response.Headers["Stripe-Should-Retry"] = "true";
                            return Results.Json(JsonNode.Parse("""{"error":{"type":"invalid_request_error","code":"lock_timeout","message":"This object cannot be accessed right now because another API request or Stripe process is currently accessing it."}}"""), statusCode: 429);
                        case Failure.RateLimited:
                            return Results.Json(JsonNode.Parse("""{"error":{"type":"invalid_request_error","code":"rate_limit","message":"Too many requests hit the API too quickly."}}"""), statusCode: 429);
                        default:
                            return Results.Json(JsonNode.Parse("""{"error":{"type":"api_error","message":"An unknown error occurred"}}"""), statusCode: 500);
                    }
                var form = await Form(r);
                var n = Interlocked.Increment(ref s._n);
                return Json(StripeFixtures.Get("checkout.session").Patch(cs =>
                {
                    cs["id"] = $"cs_test_{n}";
                    cs["url"] = $"https://checkout.stripe.com/c/pay/cs_test_{n}";
                    cs["metadata"] = new JsonObject { ["order_id"] = form["metadata[order_id]"].ToString() };
                    cs["payment_intent"] = null; // created when the customer pays
                    cs["amount_total"] = long.Parse(form["line_items[0][price_data][unit_amount]"]!);
                }));
            });
            // Only an open session can be expired (Stripe answers 400 otherwise); GET reads its status.
            app.MapPost("/v1/checkout/sessions/{id}/expire", (string id) =>
            {
                if (!s.ExpiredSessions.TryAdd(id, true))
                    return Results.Json(JsonNode.Parse("""{"error":{"type":"invalid_request_error","message":"Only Checkout Sessions with a status of open can be expired. This Checkout Session has a status of expired."}}"""), statusCode: 400);
                return Json(StripeFixtures.Get("checkout.session").Patch(cs => { cs["id"] = id; cs["status"] = "expired"; }));
            });
            app.MapGet("/v1/checkout/sessions/{id}", (string id) =>
                Json(StripeFixtures.Get("checkout.session").Patch(cs => { cs["id"] = id; cs["status"] = s.ExpiredSessions.ContainsKey(id) ? "expired" : "open"; })));
            app.MapPost("/v1/refunds", async (HttpRequest r) =>
            {
                var form = await Form(r);
                var n = Interlocked.Increment(ref s._n);
                return Json(StripeFixtures.Get("refund").Patch(re =>
                {
                    re["id"] = $"re_test_{n}"; re["amount"] = long.Parse(form["amount"]!); re["payment_intent"] = form["payment_intent"].ToString(); re["status"] = "succeeded";
                }));
            });
        });
        return s;
    }

    private static async Task<Dictionary<string, Microsoft.Extensions.Primitives.StringValues>> Form(HttpRequest r)
    {
        using var reader = new StreamReader(r.Body);
        return QueryHelpers.ParseQuery(await reader.ReadToEndAsync());
    }

    private static IResult Json(JsonObject o) => Results.Content(o.ToJsonString(), "application/json");

    public static Dictionary<string, string> FormOf(RecordedRequest r) =>
        QueryHelpers.ParseQuery(r.Body).ToDictionary(k => k.Key, k => k.Value.ToString());

    public IReadOnlyList<RecordedRequest> Requests => Server.Requests;
    public IReadOnlyList<RecordedRequest> To(string method, string path) => Server.RequestsTo(method, path);

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
