using TechInterviewCoach.Integrations.Contracts;

namespace TechInterviewCoach.Orders.Tests;

public sealed class CheckoutTests(OrdersApp app) : IClassFixture<OrdersApp>
{
    /// <summary>The API version Stripe.net 53.1.0 pins; the webhook endpoints are created with it.</summary>
    public const string PinnedApiVersion = "2026-10-28.endive";
    /// <summary>Stripe.net's own User-Agent (it may append the app or an AI agent's name): calls are made by the library, not by hand-written HTTP.</summary>
    public static readonly string StripeNetUserAgent = "Stripe/V1 .NetBindings/" + global::Stripe.StripeConfiguration.StripeNetVersion;

    [Fact]
    public void Stripe_net_is_the_version_whose_API_version_the_endpoints_are_created_with()
    {
        global::Stripe.StripeConfiguration.ApiVersion.ShouldBe(PinnedApiVersion);
        global::Stripe.StripeConfiguration.StripeNetVersion.ShouldBe("53.1.0");
    }

    [Fact]
    public async Task A_coach_connects_an_express_account_once_and_becomes_payable_on_return()
    {
        var coach = await app.CreateUserAsync(Roles.Coach, "Olga", null, "Europe/Berlin");
        var link = await (await coach.Client.PostAsync("/api/orders/payouts/onboarding", null)).ReadJsonAsync<JsonElement>();
        link.GetProperty("url").GetString().ShouldStartWith("https://");
        (await coach.Client.PostAsync("/api/orders/payouts/onboarding", null)).EnsureSuccessStatusCode();

        var creates = app.Stripe.To("POST", "/v1/accounts").Where(r => StripeStandIn.FormOf(r)["metadata[coach_id]"] == coach.Id.ToString()).ToList();
        creates.Count.ShouldBe(1, "one connected account per coach");
        var form = StripeStandIn.FormOf(creates[0]);
        form["type"].ShouldBe("express");
        form["capabilities[transfers][requested]"].ShouldBe("true");
        creates[0].Header("Authorization").ShouldBe("Bearer sk_test_orders");
        creates[0].Header("Stripe-Version").ShouldBe(PinnedApiVersion);
        creates[0].Header("Idempotency-Key").ShouldBe($"account-{coach.Id}");
        creates[0].Header("User-Agent").ShouldStartWith(StripeNetUserAgent);
        var linkCall = app.Stripe.To("POST", "/v1/account_links").Last();
        linkCall.Header("User-Agent").ShouldStartWith(StripeNetUserAgent);
        linkCall.Header("Idempotency-Key").ShouldNotBeNullOrEmpty();
        var linkForm = StripeStandIn.FormOf(linkCall);
        linkForm["account"].ShouldStartWith("acct_test_");
        linkForm["type"].ShouldBe("account_onboarding");
        linkForm["refresh_url"].ShouldEndWith("/coach/payouts/refresh");
        linkForm["return_url"].ShouldEndWith("/coach/payouts/return");

        (await app.IsPayableAsync(coach.Id)).ShouldBeFalse();
        var status = await (await coach.Client.PostAsync("/api/orders/payouts/refresh", null)).ReadJsonAsync<JsonElement>();
        status.GetProperty("payable").GetBoolean().ShouldBeTrue();
        var read = app.Stripe.Requests.Last(r => r.Method == "GET" && r.Path.StartsWith("/v1/accounts/acct_test_"));
        read.Header("User-Agent").ShouldStartWith(StripeNetUserAgent);
        read.Header("Stripe-Version").ShouldBe(PinnedApiVersion);
        (await app.IsPayableAsync(coach.Id)).ShouldBeTrue();
        var published = await app.InScopeAsync(sp => sp.GetRequiredService<TechInterviewCoach.BuildingBlocks.Outbox.PlatformDbContext>()
            .OutboxMessages.Where(m => m.Type.EndsWith(nameof(CoachPayoutStatusChanged)) && m.Payload.Contains(coach.Id.ToString())).ToListAsync());
        published.Count.ShouldBe(1);
        published[0].Payload.ShouldContain("\"payoutsEnabled\":true");
    }

    [Fact]
    public async Task Checkout_creates_a_pending_order_and_a_session_with_the_platform_fee_and_destination()
    {
        app.Settings.ShouldNotBeNull();
        var coach = await app.PayableCoachAsync();
        var listing = app.Matching.AddListing(coach.Id, priceMinor: 12345, sessions: 3);
        var buyer = await app.CreateUserAsync(Roles.Coachee, "Buyer", null, "America/New_York");
        var quote = await buyer.Client.GetJsonAsync<JsonElement>($"/api/orders/checkout/{listing.ListingId}");
        quote.GetProperty("platformFeeMinor").GetInt64().ShouldBe(1852); // 15% of 12345 = 1851.75, half up
        quote.GetProperty("coachNetMinor").GetInt64().ShouldBe(12345 - 1852);

        var slots = await app.SlotsAsync(buyer, listing.ListingId, 3);
        var response = await OrdersApp.CheckoutAsync(buyer, listing.ListingId, slots);
        var body = await response.ReadJsonAsync<JsonElement>();
        var orderId = body.GetProperty("orderId").GetGuid();
        body.GetProperty("checkoutUrl").GetString().ShouldStartWith("https://checkout.stripe.com/");

        var call = app.Stripe.To("POST", "/v1/checkout/sessions").Single(r => StripeStandIn.FormOf(r)["metadata[order_id]"] == orderId.ToString());
        var form = StripeStandIn.FormOf(call);
        form["mode"].ShouldBe("payment");
        form["line_items[0][price_data][currency]"].ShouldBe("usd");
        form["line_items[0][price_data][unit_amount]"].ShouldBe("12345");
        form["line_items[0][price_data][product_data][name]"].ShouldContain("3 sessions");
        form["payment_intent_data[application_fee_amount]"].ShouldBe("1852");
        form["payment_intent_data[transfer_data][destination]"].ShouldStartWith("acct_test_");
        form["success_url"].ShouldEndWith($"/orders/{orderId}?checkout=success");
        form.ShouldContainKey("cancel_url");
        form.ShouldContainKey("expires_at");
        call.Header("Authorization").ShouldBe("Bearer sk_test_orders");
        call.Header("Stripe-Version").ShouldBe(PinnedApiVersion);
        call.Header("User-Agent").ShouldStartWith(StripeNetUserAgent);
        form["payment_intent_data[metadata][order_id]"].ShouldBe(orderId.ToString());
        form["client_reference_id"].ShouldBe(orderId.ToString());
        form["line_items[0][quantity]"].ShouldBe("1");

        var order = await app.OrderAsync(orderId);
        order.State.ShouldBe(OrderState.Pending);
        call.Header("Idempotency-Key").ShouldBe(order.IdempotencyKey);
        order.Bookings.Count.ShouldBe(3);
        order.Bookings.ShouldAllBe(b => b.Status == BookingStatus.Held);
        order.GrossMinor.ShouldBe(12345);
        (await app.InScopeAsync(sp => sp.GetRequiredService<TechInterviewCoach.BuildingBlocks.Outbox.PlatformDbContext>()
            .OutboxMessages.AnyAsync(m => m.Type.EndsWith("TrackEvent") && m.Payload.Contains("checkout_started") && m.Payload.Contains(orderId.ToString())))).ShouldBeTrue();
    }

    [Fact]
    public async Task Buying_ones_own_an_unpublished_or_an_unpayable_listing_or_a_taken_slot_is_refused_without_an_order_or_a_Stripe_call()
    {
        var coach = await app.PayableCoachAsync();
        var unpayable = await app.CreateUserAsync(Roles.Coach, "No Stripe");
        var own = app.Matching.AddListing(coach.Id);
        var hidden = app.Matching.AddListing(coach.Id, published: false);
        var notPayable = app.Matching.AddListing(unpayable.Id);
        var buyer = await app.CreateUserAsync(Roles.Coachee);
        var slots = await app.SlotsAsync(buyer, own.ListingId, 1);
        var before = app.Stripe.To("POST", "/v1/checkout/sessions").Count;

        await (await OrdersApp.CheckoutAsync(coach, own.ListingId, slots)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "own_listing");
        await (await OrdersApp.CheckoutAsync(buyer, hidden.ListingId, slots)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "listing_unavailable");
        await (await OrdersApp.CheckoutAsync(buyer, notPayable.ListingId, slots)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "coach_not_payable");
        (await app.Db(db => db.Orders.CountAsync(o => o.CoacheeId == buyer.Id || o.CoacheeId == coach.Id))).ShouldBe(0);

        (await OrdersApp.CheckoutAsync(buyer, own.ListingId, slots)).EnsureSuccessStatusCode();
        var other = await app.CreateUserAsync(Roles.Coachee);
        await (await OrdersApp.CheckoutAsync(other, own.ListingId, slots)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "slot_taken");
        (await app.Db(db => db.Orders.CountAsync(o => o.CoacheeId == other.Id))).ShouldBe(0);
        app.Stripe.To("POST", "/v1/checkout/sessions").Count.ShouldBe(before + 1);
    }

    [Fact]
    public async Task When_Stripe_is_down_the_coachee_sees_a_clear_message_and_a_retry_with_the_same_key_charges_once()
    {
        var coach = await app.PayableCoachAsync();
        var listing = app.Matching.AddListing(coach.Id, priceMinor: 5000);
        var buyer = await app.CreateUserAsync(Roles.Coachee);
        var slots = await app.SlotsAsync(buyer, listing.ListingId, 1);
        app.Stripe.FailCheckouts = 4; // the first try and its 3 retries
        var failed = await OrdersApp.CheckoutAsync(buyer, listing.ListingId, slots, key: "client-key-1");
        var problem = await failed.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "payment_provider_unavailable");
        problem.GetProperty("detail").GetString()!.ShouldContain("Nothing was charged");
        var orderId = problem.GetProperty("orderId").GetGuid();
        (await app.OrderAsync(orderId)).State.ShouldBe(OrderState.Pending);

        var retried = await (await OrdersApp.CheckoutAsync(buyer, listing.ListingId, slots, key: "client-key-1")).ReadJsonAsync<JsonElement>();
        retried.GetProperty("orderId").GetGuid().ShouldBe(orderId);
        var calls = app.Stripe.To("POST", "/v1/checkout/sessions").Where(r => StripeStandIn.FormOf(r).GetValueOrDefault("metadata[order_id]") == orderId.ToString()
                                                                           || r.Header("Idempotency-Key") == "client-key-1").ToList();
        calls.Count.ShouldBe(5);
        calls.ShouldAllBe(c => c.Header("Idempotency-Key") == "client-key-1");
        (await app.Db(db => db.Orders.CountAsync(o => o.CoacheeId == buyer.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task When_Stripe_is_down_the_checkout_page_says_nothing_was_charged_and_the_slots_stay_held()
    {
        var coach = await app.PayableCoachAsync();
        var listing = app.Matching.AddListing(coach.Id, priceMinor: 5000);
        var buyer = await app.CreateUserAsync(Roles.Coachee);
        var url = $"/checkout/{listing.ListingId}";
        var page = await buyer.Client.GetPageAsync(url);
        var slot = page.QuerySelector("[data-testid=slot]")!.GetAttribute("value")!;
        app.Stripe.FailCheckouts = 4; // the first try and its 3 retries
        try
        {
            var shown = await buyer.Client.SubmitFormAsync(page, "form:has([data-testid=pay])", new Dictionary<string, string> { ["SlotStarts"] = slot }, url);
            shown.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await shown.Content.ReadAsStringAsync()).ShouldContain(
                "Stripe is not answering right now. Nothing was charged; please try again in a minute. Your slots stay held; press Pay again to retry.");
            var order = await app.Db(db => db.Orders.Include(o => o.Bookings).SingleAsync(o => o.CoacheeId == buyer.Id));
            order.State.ShouldBe(OrderState.Pending);
            order.Bookings.ShouldAllBe(b => b.Status == BookingStatus.Held);
        }
        finally { app.Stripe.FailCheckouts = 0; }
    }

    [Theory]
    [InlineData(StripeStandIn.Failure.RetryableTooManyRequests)]
    [InlineData(StripeStandIn.Failure.DropConnection)]
    [InlineData(StripeStandIn.Failure.ServerError)]
    public async Task A_busy_or_dropped_Stripe_answer_is_retried_with_the_same_key_and_the_checkout_goes_through(StripeStandIn.Failure failure)
    {
        var coach = await app.PayableCoachAsync();
        var listing = app.Matching.AddListing(coach.Id, priceMinor: 5000);
        var buyer = await app.CreateUserAsync(Roles.Coachee);
        var slots = await app.SlotsAsync(buyer, listing.ListingId, 1);
        var key = "client-key-" + failure;
        app.Stripe.CheckoutFailure = failure;
        app.Stripe.FailCheckouts = 2;
        try
        {
            var body = await (await OrdersApp.CheckoutAsync(buyer, listing.ListingId, slots, key: key)).ReadJsonAsync<JsonElement>();
            body.GetProperty("checkoutUrl").GetString().ShouldStartWith("https://checkout.stripe.com/");
            var orderId = body.GetProperty("orderId").GetGuid();
            var order = await app.OrderAsync(orderId);
            var calls = app.Stripe.To("POST", "/v1/checkout/sessions").Where(r => r.Header("Idempotency-Key") == order.IdempotencyKey).ToList();
            calls.Count.ShouldBe(3, "two failed attempts, then the one Stripe answered");
            calls.ShouldAllBe(c => c.Body == calls[0].Body && c.Header("User-Agent")!.StartsWith(StripeNetUserAgent));
        }
        finally { app.Stripe.FailCheckouts = 0; app.Stripe.CheckoutFailure = StripeStandIn.Failure.ServerError; }
    }

    [Fact]
    public async Task A_rate_limited_checkout_is_not_hammered_and_the_coachee_is_told_to_try_again()
    {
        var coach = await app.PayableCoachAsync();
        var listing = app.Matching.AddListing(coach.Id, priceMinor: 5000);
        var buyer = await app.CreateUserAsync(Roles.Coachee);
        var slots = await app.SlotsAsync(buyer, listing.ListingId, 1);
        app.Stripe.CheckoutFailure = StripeStandIn.Failure.RateLimited;
        app.Stripe.FailCheckouts = 1;
        try
        {
            var failed = await OrdersApp.CheckoutAsync(buyer, listing.ListingId, slots, key: "client-key-rate-limited");
            var problem = await failed.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "payment_provider_unavailable");
            problem.GetProperty("detail").GetString()!.ShouldContain("Nothing was charged");
            var orderId = problem.GetProperty("orderId").GetGuid();
            var order = await app.OrderAsync(orderId);
            app.Stripe.To("POST", "/v1/checkout/sessions").Count(r => r.Header("Idempotency-Key") == order.IdempotencyKey).ShouldBe(1, "a plain rate limit is not retried at once");

            var retried = await (await OrdersApp.CheckoutAsync(buyer, listing.ListingId, slots, key: "client-key-rate-limited")).ReadJsonAsync<JsonElement>();
            retried.GetProperty("orderId").GetGuid().ShouldBe(orderId);
            app.Stripe.To("POST", "/v1/checkout/sessions").Count(r => r.Header("Idempotency-Key") == order.IdempotencyKey).ShouldBe(2);
        }
        finally { app.Stripe.FailCheckouts = 0; app.Stripe.CheckoutFailure = StripeStandIn.Failure.ServerError; }
    }

    [Fact]
    public async Task Twenty_concurrent_bookings_of_one_slot_leave_exactly_one_order_holding_it()
    {
        var coach = await app.PayableCoachAsync();
        var listing = app.Matching.AddListing(coach.Id);
        var buyers = new List<TestUser>();
        for (var i = 0; i < 20; i++) buyers.Add(await app.CreateUserAsync(Roles.Coachee, $"Buyer {i}"));
        var slot = (await app.SlotsAsync(buyers[0], listing.ListingId, 1, skip: 5)).Single();

        var responses = await Task.WhenAll(buyers.Select(b => OrdersApp.CheckoutAsync(b, listing.ListingId, [slot])));
        responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        foreach (var r in responses.Where(r => r.StatusCode != HttpStatusCode.OK)) await r.ShouldBeProblemAsync(HttpStatusCode.Conflict, "slot_taken");
        (await app.Db(db => db.Bookings.CountAsync(b => b.CoachId == coach.Id && b.StartsAt == slot && (b.Status == BookingStatus.Held || b.Status == BookingStatus.Booked)))).ShouldBe(1);
    }
}

public sealed class CancelCheckoutTests(OrdersApp app) : IClassFixture<OrdersApp>
{
    [Fact]
    public async Task Cancelling_a_pending_checkout_expires_the_Stripe_session_once_and_frees_its_slots_at_once()
    {
        var coach = await app.PayableCoachAsync();
        var listing = app.Matching.AddListing(coach.Id);
        var buyer = await app.CreateUserAsync(Roles.Coachee);
        var slot = (await app.SlotsAsync(buyer, listing.ListingId, 1)).Single();
        var orderId = await app.BuyAsync(buyer, listing.ListingId);
        var sessionId = (await app.OrderAsync(orderId)).CheckoutSessionId!;

        var cancelled = await (await buyer.Client.PostAsync($"/api/orders/{orderId}/checkout/cancel", null)).ReadJsonAsync<JsonElement>();
        cancelled.GetProperty("outcome").GetString().ShouldBe("Cancelled");
        var expire = app.Stripe.To("POST", $"/v1/checkout/sessions/{sessionId}/expire").ShouldHaveSingleItem();
        expire.Header("Idempotency-Key").ShouldBe($"expire-{sessionId}");
        var order = await app.OrderAsync(orderId);
        order.State.ShouldBe(OrderState.Cancelled);
        order.Bookings.ShouldAllBe(b => b.Status == BookingStatus.Released);
        (await app.SlotsAsync(buyer, listing.ListingId, 1)).Single().ShouldBe(slot, "the slot is offered again at once, not after the hour");

        // Repeating changes nothing and calls Stripe no more; Stripe's own expiry event afterwards changes nothing either.
        var again = await (await buyer.Client.PostAsync($"/api/orders/{orderId}/checkout/cancel", null)).ReadJsonAsync<JsonElement>();
        again.GetProperty("outcome").GetString().ShouldBe("AlreadyEnded");
        app.Stripe.To("POST", $"/v1/checkout/sessions/{sessionId}/expire").Count.ShouldBe(1);
        (await app.DeliverAsync(Events.Checkout("checkout.session.expired", orderId))).EnsureSuccessStatusCode();
        await app.WaitForEventsAsync();
        (await app.OrderAsync(orderId)).State.ShouldBe(OrderState.Cancelled);

        // Someone else can book the time now.
        var other = await app.CreateUserAsync(Roles.Coachee);
        (await OrdersApp.CheckoutAsync(other, listing.ListingId, [slot])).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Cancelling_someone_elses_checkout_is_a_404_and_changes_nothing()
    {
        var coach = await app.PayableCoachAsync();
        var listing = app.Matching.AddListing(coach.Id);
        var buyer = await app.CreateUserAsync(Roles.Coachee);
        var orderId = await app.BuyAsync(buyer, listing.ListingId);
        var stranger = await app.CreateUserAsync(Roles.Coachee);
        await (await stranger.Client.PostAsync($"/api/orders/{orderId}/checkout/cancel", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "order_not_found");
        (await app.OrderAsync(orderId)).State.ShouldBe(OrderState.Pending);
    }

    [Fact]
    public async Task Paying_again_for_the_same_times_continues_the_pending_checkout_instead_of_a_second_order()
    {
        var coach = await app.PayableCoachAsync();
        var listing = app.Matching.AddListing(coach.Id, sessions: 2);
        var buyer = await app.CreateUserAsync(Roles.Coachee);
        var slots = await app.SlotsAsync(buyer, listing.ListingId, 2);
        var first = await (await OrdersApp.CheckoutAsync(buyer, listing.ListingId, slots, key: "first-page")).ReadJsonAsync<JsonElement>();
        // A re-rendered page has a new key; the same times continue the same order.
        var second = await (await OrdersApp.CheckoutAsync(buyer, listing.ListingId, slots.AsEnumerable().Reverse(), key: "second-page")).ReadJsonAsync<JsonElement>();
        second.GetProperty("orderId").GetGuid().ShouldBe(first.GetProperty("orderId").GetGuid());
        second.GetProperty("checkoutUrl").GetString().ShouldBe(first.GetProperty("checkoutUrl").GetString());
        (await app.Db(db => db.Orders.CountAsync(o => o.CoacheeId == buyer.Id))).ShouldBe(1);
    }
}
