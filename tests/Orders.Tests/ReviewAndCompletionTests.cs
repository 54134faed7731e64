using TechInterviewCoach.Integrations.Contracts;
using System.IO.Compression;
using MediatR;
using Microsoft.Extensions.Time.Testing;
using TechInterviewCoach.BuildingBlocks.Outbox;

namespace TechInterviewCoach.Orders.Tests;

/// <summary>The Orders app with a clock the test moves (events are signed at the app's time).</summary>
public sealed class ClockedOrdersApp : OrdersApp
{
    public ClockedOrdersApp() => Clock = new FakeTimeProvider(DateTimeOffset.UtcNow);

    public FakeTimeProvider Time => Clock!;
}

/// <summary>Issue 15: a session completes 48 hours after it ends unless a problem is reported; then the coachee may review it.</summary>
public sealed class ReviewAndCompletionTests(ClockedOrdersApp app) : IClassFixture<ClockedOrdersApp>
{
    private sealed record Paid(TestUser Coach, TestUser Coachee, Guid OrderId, List<Data.Booking> Sessions);

    private async Task<Paid> PaidAsync(int sessions = 1, long price = 10000)
    {
        var coach = await app.PayableCoachAsync("Cora Coach");
        var listing = app.Matching.AddListing(coach.Id, priceMinor: price, sessions: sessions);
        var coachee = await app.CreateUserAsync(Roles.Coachee, "Rene Viewer");
        var orderId = await app.BuyAsync(coachee, listing.ListingId, sessions);
        var body = Events.Checkout("checkout.session.completed", orderId);
        (await app.DeliverAsync(body, StripeFixtures.Sign(body, OrdersApp.WebhookSecret, app.Time.GetUtcNow()))).EnsureSuccessStatusCode();
        await app.WaitForEventsAsync();
        var order = await app.OrderAsync(orderId);
        order.State.ShouldBe(OrderState.Paid);
        return new Paid(coach, coachee, orderId, order.Bookings.OrderBy(b => b.StartsAt).ToList());
    }

    /// <summary>Moves the clock to <paramref name="offset"/> after the session's end (never backwards).</summary>
    private void At(Data.Booking session, TimeSpan offset)
    {
        var target = new DateTimeOffset(session.EndsAt + offset, TimeSpan.Zero);
        if (target > app.Time.GetUtcNow()) app.Time.SetUtcNow(target);
    }

    private static async Task<string> OutcomeAsync(TestUser user, Guid sessionId) =>
        (await user.Client.GetJsonAsync<JsonElement>($"/api/orders/sessions/{sessionId}/outcome")).GetProperty("outcome").GetString()!;

    private static Task<HttpResponseMessage> ReviewAsync(TestUser user, Guid sessionId, int rating = 5, string text = "Sharp, kind and well prepared.") =>
        user.Client.PostAsJsonAsync($"/api/orders/sessions/{sessionId}/review", new { rating, text });

    private Task<IReadOnlyList<SessionFollowUp>> FollowUpsAsync(Guid userId) =>
        app.InScopeAsync(sp => sp.GetRequiredService<IMediator>().Send(new GetSessionFollowUps(userId)));

    private static async Task<JsonElement> PublicReviewsAsync(HttpClient client, Guid coachId) =>
        await client.GetJsonAsync<JsonElement>($"/api/orders/coaches/{coachId}/reviews");

    [Fact]
    public async Task A_session_counts_as_completed_48_hours_after_it_ends_the_moment_the_clock_passes_and_only_then_can_be_reviewed_once()
    {
        var p = await PaidAsync();
        var s = p.Sessions.Single();
        (await OutcomeAsync(p.Coachee, s.Id)).ShouldBe("upcoming");
        await (await ReviewAsync(p.Coachee, s.Id)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "session_not_completed");

        At(s, TimeSpan.FromMinutes(5));
        (await OutcomeAsync(p.Coachee, s.Id)).ShouldBe("awaiting_completion");
        await (await ReviewAsync(p.Coachee, s.Id)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "session_not_completed");
        At(s, TimeSpan.FromHours(48) - TimeSpan.FromSeconds(1));
        (await OutcomeAsync(p.Coach, s.Id)).ShouldBe("awaiting_completion");
        (await FollowUpsAsync(p.Coachee.Id)).ShouldNotContain(f => f.SessionId == s.Id);

        At(s, TimeSpan.FromHours(48));
        (await OutcomeAsync(p.Coach, s.Id)).ShouldBe("completed", "no background job: the clock passing is enough");
        (await FollowUpsAsync(p.Coachee.Id)).ShouldContain(f => f.SessionId == s.Id && f.Kind == "write_review" && f.Link == $"/sessions/{s.Id}/review");

        var written = await (await ReviewAsync(p.Coachee, s.Id, 4, "  Good mock interview.  ")).ReadJsonAsync<JsonElement>(HttpStatusCode.Created);
        written.GetProperty("rating").GetInt32().ShouldBe(4);
        written.GetProperty("text").GetString().ShouldBe("Good mock interview.");
        written.GetProperty("authorName").GetString().ShouldBe("Rene V.");
        var again = await (await ReviewAsync(p.Coachee, s.Id, 1, "Second thoughts")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "review_exists");
        again.GetProperty("reviewId").GetGuid().ShouldBe(written.GetProperty("id").GetGuid());
        (await app.Db(db => db.Reviews.Where(r => r.BookingId == s.Id).Select(r => r.Rating).ToListAsync())).ShouldBe([4]);
        (await FollowUpsAsync(p.Coachee.Id)).ShouldNotContain(f => f.SessionId == s.Id);
        (await FollowUpsAsync(p.Coach.Id)).ShouldContain(f => f.SessionId == s.Id && f.Kind == "reply_review");

        var publicReviews = await PublicReviewsAsync(app.CreateHttpsClient(), p.Coach.Id);
        publicReviews.GetProperty("count").GetInt32().ShouldBe(1);
        publicReviews.GetProperty("average").GetDouble().ShouldBe(4);
        publicReviews.GetProperty("recent")[0].GetProperty("text").GetString().ShouldBe("Good mock interview.");
        publicReviews.GetRawText().ShouldNotContain(p.Coachee.Id.ToString());
        await app.WaitForOutboxAsync();
        var published = await app.InScopeAsync(sp => sp.GetRequiredService<PlatformDbContext>().OutboxMessages.AsNoTracking()
            .Where(m => m.Type.EndsWith(nameof(CoachRatingChanged)) && m.Payload.Contains(p.Coach.Id.ToString())).ToListAsync());
        var figures = JsonSerializer.Deserialize<JsonElement>(published.ShouldHaveSingleItem().Payload);
        figures.GetProperty("average").GetDouble().ShouldBe(4);
        figures.GetProperty("count").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task A_bad_review_gets_a_clear_answer_and_nothing_is_stored()
    {
        var p = await PaidAsync();
        var s = p.Sessions.Single();
        At(s, TimeSpan.FromHours(49));
        foreach (var rating in new[] { 0, 6, -1 })
            (await (await ReviewAsync(p.Coachee, s.Id, rating)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetRawText().ShouldContain("1 to 5");
        await (await ReviewAsync(p.Coachee, s.Id, 5, new string('x', 2001))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await ReviewAsync(p.Coachee, s.Id, 5, "   ")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var stranger = await app.CreateUserAsync(Roles.Coachee, "Sam Stranger");
        await (await ReviewAsync(stranger, s.Id)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "session_not_found");
        await (await ReviewAsync(stranger, Guid.NewGuid())).ShouldBeProblemAsync(HttpStatusCode.NotFound, "session_not_found");
        (await stranger.Client.GetAsync($"/api/orders/sessions/{s.Id}/outcome")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await (await ReviewAsync(p.Coach, s.Id)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "only_coachee_reviews");
        (await app.Db(db => db.Reviews.CountAsync(r => r.BookingId == s.Id))).ShouldBe(0);
        (await ReviewAsync(p.Coachee, s.Id, 5, new string('x', 2000))).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_review_can_be_changed_for_14_days_and_the_coach_replies_once()
    {
        var p = await PaidAsync();
        var s = p.Sessions.Single();
        At(s, TimeSpan.FromHours(50));
        (await ReviewAsync(p.Coachee, s.Id, 3, "Okay")).StatusCode.ShouldBe(HttpStatusCode.Created);
        app.Time.Advance(TimeSpan.FromDays(8));
        var edited = await (await p.Coachee.Client.PutAsJsonAsync($"/api/orders/sessions/{s.Id}/review", new { rating = 5, text = "Better than I thought" })).ReadJsonAsync<JsonElement>();
        edited.GetProperty("rating").GetInt32().ShouldBe(5);
        await (await p.Coachee.Client.PutAsJsonAsync($"/api/orders/sessions/{s.Id}/review", new { rating = 9, text = "x" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        (await p.Coach.Client.PostAsJsonAsync($"/api/orders/sessions/{s.Id}/review/reply", new { text = "Thanks, Rene!" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await p.Coach.Client.PostAsJsonAsync($"/api/orders/sessions/{s.Id}/review/reply", new { text = "Again" })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "reply_exists");
        await (await p.Coachee.Client.PostAsJsonAsync($"/api/orders/sessions/{s.Id}/review/reply", new { text = "Me too" })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "review_not_found");

        app.Time.Advance(TimeSpan.FromDays(6) + TimeSpan.FromHours(1));
        await (await p.Coachee.Client.PutAsJsonAsync($"/api/orders/sessions/{s.Id}/review", new { rating = 1, text = "Changed my mind" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "review_edit_window_closed");
        var stored = await app.Db(db => db.Reviews.AsNoTracking().SingleAsync(r => r.BookingId == s.Id));
        (stored.Rating, stored.Text, stored.Reply).ShouldBe((5, "Better than I thought", "Thanks, Rene!"));
        var shown = (await PublicReviewsAsync(p.Coachee.Client, p.Coach.Id)).GetProperty("recent")[0];
        shown.GetProperty("reply").GetString().ShouldBe("Thanks, Rene!");
    }

    [Fact]
    public async Task A_coach_no_show_report_holds_completion_and_the_admin_refunds_that_session_once_with_each_step_on_the_timeline()
    {
        var p = await PaidAsync(sessions: 2, price: 20000);
        var (first, second) = (p.Sessions[0], p.Sessions[1]);
        At(first, TimeSpan.FromMinutes(-30));
        await (await p.Coachee.Client.PostAsJsonAsync($"/api/orders/sessions/{first.Id}/report", new { problem = "coachee_no_show", description = "" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "problem_not_allowed");
        await (await p.Coachee.Client.PostAsJsonAsync($"/api/orders/sessions/{first.Id}/report", new { problem = "other", description = "" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await p.Coachee.Client.PostAsJsonAsync($"/api/orders/sessions/{second.Id}/report", new { problem = "coach_no_show" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "session_not_started");
        (await p.Coachee.Client.PostAsJsonAsync($"/api/orders/sessions/{first.Id}/report", new { problem = "coach_no_show", description = "Waited 20 minutes" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        await (await p.Coach.Client.PostAsJsonAsync($"/api/orders/sessions/{first.Id}/report", new { problem = "other", description = "I was there" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "report_exists");
        var told = (await app.EmailsAsync(first.Id)).Where(e => e.Email is SessionProblemReportedEmail).ShouldHaveSingleItem("only the other side is told");
        told.ToUserId.ShouldBe(p.Coach.Id);
        var reported = told.Email.ShouldBeOfType<SessionProblemReportedEmail>();
        (reported.CounterpartName, reported.Problem, reported.SessionUtc).ShouldBe(("Rene Viewer", "The coach did not attend", first.StartsAt));
        told.LinkPath.ShouldBe($"/sessions/{first.Id}/report");
        (await app.EmailsAsync(first.Id)).ShouldNotContain(e => e.Email.ToString()!.Contains("Waited 20 minutes"), "the reporter's words stay on the page");

        At(first, TimeSpan.FromHours(72));
        (await OutcomeAsync(p.Coachee, first.Id)).ShouldBe("reported", "an open report holds completion");
        await (await ReviewAsync(p.Coachee, first.Id)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "session_not_completed");
        (await FollowUpsAsync(p.Coach.Id)).ShouldContain(f => f.SessionId == first.Id && f.Kind == "answer_report");
        await (await p.Coachee.Client.PostAsJsonAsync($"/api/orders/sessions/{first.Id}/report/answer", new { text = "Me again" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "own_report");
        (await p.Coach.Client.PostAsJsonAsync($"/api/orders/sessions/{first.Id}/report/answer", new { text = "My train was cancelled, sorry" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await FollowUpsAsync(p.Coach.Id)).ShouldNotContain(f => f.SessionId == first.Id);

        var admin = await app.CreateUserAsync(Roles.Admin);
        await (await p.Coach.Client.PostAsJsonAsync($"/api/orders/admin/sessions/{first.Id}/report/settle", new { decision = "no_refund", note = "mine" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await admin.Client.PostAsJsonAsync($"/api/orders/admin/sessions/{first.Id}/report/settle", new { decision = "maybe", note = "x" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var refundsBefore = app.Stripe.To("POST", "/v1/refunds").Count;
        var settled = await (await admin.Client.PostAsJsonAsync($"/api/orders/admin/sessions/{first.Id}/report/settle",
            new { decision = "refund", note = "Coach confirmed the no-show" })).ReadJsonAsync<JsonElement>();
        settled.GetProperty("decision").GetString().ShouldBe("Refund");
        await (await admin.Client.PostAsJsonAsync($"/api/orders/admin/sessions/{first.Id}/report/settle", new { decision = "refund", note = "again" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "report_settled");
        var refunds = app.Stripe.To("POST", "/v1/refunds");
        refunds.Count.ShouldBe(refundsBefore + 1, "one refund, however often the admin settles");
        var settledEmails = (await app.EmailsAsync(first.Id)).Where(e => e.Email is SessionReportSettledEmail).ToList();
        settledEmails.Select(e => e.ToUserId).ShouldBe([p.Coachee.Id, p.Coach.Id], ignoreOrder: true, "both sides hear the decision, once");
        settledEmails.ShouldAllBe(e => ((SessionReportSettledEmail)e.Email).Refund == new Money(10000, "USD"));
        var form = StripeStandIn.FormOf(refunds.Last());
        form["amount"].ShouldBe("10000");
        form["reverse_transfer"].ShouldBe("true");

        var order = await app.OrderAsync(p.OrderId);
        order.Refunds.ShouldHaveSingleItem().AmountMinor.ShouldBe(10000);
        var timeline = order.Timeline.OrderBy(t => t.At).Select(t => t.Description).ToList();
        timeline.ShouldContain(t => t.StartsWith("Problem reported") && t.Contains("The coach did not attend"));
        timeline.ShouldContain(t => t.StartsWith("The coach answered the report"));
        timeline.ShouldContain(t => t.Contains("settled: the session is refunded") && t.Contains("Coach confirmed the no-show"));
        timeline.ShouldContain(t => t.StartsWith("Refund of"));
        (await OutcomeAsync(p.Coachee, first.Id)).ShouldBe("refunded");
        await (await ReviewAsync(p.Coachee, first.Id)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "session_not_completed");

        // The other session of the package completes on its own.
        At(second, TimeSpan.FromHours(48));
        (await OutcomeAsync(p.Coachee, second.Id)).ShouldBe("completed");
        await (await p.Coachee.Client.PostAsJsonAsync($"/api/orders/sessions/{second.Id}/report", new { problem = "coach_no_show" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "report_window_closed");
    }

    [Fact]
    public async Task A_coachee_no_show_settled_by_the_admin_refunds_nothing_and_leaves_no_review_to_write()
    {
        var p = await PaidAsync();
        var s = p.Sessions.Single();
        At(s, TimeSpan.FromHours(1));
        (await p.Coach.Client.PostAsJsonAsync($"/api/orders/sessions/{s.Id}/report", new { problem = "coachee_no_show" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await FollowUpsAsync(p.Coachee.Id)).ShouldContain(f => f.SessionId == s.Id && f.Kind == "answer_report");
        var admin = await app.CreateUserAsync(Roles.Admin);
        var refundsBefore = app.Stripe.To("POST", "/v1/refunds").Count;
        (await admin.Client.PostAsJsonAsync($"/api/orders/admin/sessions/{s.Id}/report/settle", new { decision = "no_refund", note = "Coachee did not join" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        app.Stripe.To("POST", "/v1/refunds").Count.ShouldBe(refundsBefore);
        (await OutcomeAsync(p.Coachee, s.Id)).ShouldBe("coachee_no_show");
        At(s, TimeSpan.FromHours(60));
        await (await ReviewAsync(p.Coachee, s.Id)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "session_not_completed");
        (await FollowUpsAsync(p.Coachee.Id)).ShouldNotContain(f => f.SessionId == s.Id);
        (await app.OrderAsync(p.OrderId)).State.ShouldBe(OrderState.Paid);
    }

    [Fact]
    public async Task A_hidden_review_leaves_the_profile_and_the_rating_and_the_reason_is_on_the_timeline()
    {
        var p = await PaidAsync();
        var s = p.Sessions.Single();
        At(s, TimeSpan.FromHours(48));
        var review = await (await ReviewAsync(p.Coachee, s.Id, 1, "Rude words about a third person")).ReadJsonAsync<JsonElement>(HttpStatusCode.Created);
        var id = review.GetProperty("id").GetGuid();
        var admin = await app.CreateUserAsync(Roles.Admin);
        await (await admin.Client.PostAsJsonAsync($"/api/orders/admin/reviews/{id}/hide", new { reason = "" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await p.Coach.Client.PostAsJsonAsync($"/api/orders/admin/reviews/{id}/hide", new { reason = "I dislike it" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        (await PublicReviewsAsync(p.Coach.Client, p.Coach.Id)).GetProperty("count").GetInt32().ShouldBe(1);
        (await admin.Client.PostAsJsonAsync($"/api/orders/admin/reviews/{id}/hide", new { reason = "Names a third person" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await admin.Client.PostAsJsonAsync($"/api/orders/admin/reviews/{id}/hide", new { reason = "again" })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "review_already_hidden");

        var shown = await PublicReviewsAsync(app.CreateHttpsClient(), p.Coach.Id);
        shown.GetProperty("count").GetInt32().ShouldBe(0);
        shown.GetProperty("recent").GetArrayLength().ShouldBe(0);
        (await app.OrderAsync(p.OrderId)).Timeline.ShouldContain(t => t.Description.Contains("hidden: Names a third person") && t.Actor == "admin:" + admin.Id);
        var own = await p.Coachee.Client.GetJsonAsync<JsonElement>($"/api/orders/sessions/{s.Id}/outcome");
        own.GetProperty("review").GetProperty("hiddenReason").GetString().ShouldBe("Names a third person");
        await app.WaitForOutboxAsync();
        var last = await app.InScopeAsync(sp => sp.GetRequiredService<PlatformDbContext>().OutboxMessages.AsNoTracking()
            .Where(m => m.Type.EndsWith(nameof(CoachRatingChanged)) && m.Payload.Contains(p.Coach.Id.ToString())).ToListAsync());
        last.Select(m => JsonSerializer.Deserialize<JsonElement>(m.Payload).GetProperty("count").GetInt32()).ShouldBe([1, 0], ignoreOrder: true);
    }

    [Fact]
    public async Task A_deleted_coachees_review_stays_on_the_profile_as_Deleted_user_and_the_export_holds_reviews()
    {
        var p = await PaidAsync();
        var s = p.Sessions.Single();
        At(s, TimeSpan.FromHours(48));
        (await ReviewAsync(p.Coachee, s.Id, 5, "Worth every minute")).StatusCode.ShouldBe(HttpStatusCode.Created);

        var zip = new ZipArchive(await (await p.Coachee.Client.PostAsync("/api/identity/export", null)).EnsureSuccessStatusCode().Content.ReadAsStreamAsync());
        using (var reader = new StreamReader(zip.GetEntry("orders.json")!.Open()))
        {
            var orders = JsonSerializer.Deserialize<JsonElement>(await reader.ReadToEndAsync());
            var mine = orders.GetProperty("reviews").EnumerateArray().ShouldHaveSingleItem();
            mine.GetProperty("text").GetString().ShouldBe("Worth every minute");
            mine.GetProperty("role").GetString().ShouldBe("author");
        }

        (await p.Coachee.Client.PostAsJsonAsync("/api/identity/account/delete", new { confirm = "DELETE" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await app.WaitForOutboxAsync();
        var shown = (await PublicReviewsAsync(app.CreateHttpsClient(), p.Coach.Id)).GetProperty("recent").EnumerateArray().ShouldHaveSingleItem();
        shown.GetProperty("authorName").GetString().ShouldBe("Deleted user");
        shown.GetProperty("text").GetString().ShouldBe("Worth every minute");
        shown.GetProperty("rating").GetInt32().ShouldBe(5);
    }

    [Fact]
    public async Task The_order_page_offers_to_cancel_a_session_only_while_the_viewer_may_still_cancel_it()
    {
        var p = await PaidAsync();
        var s = p.Sessions.Single();
        async Task<bool> OffersCancelAsync(TestUser user) =>
            (await user.Client.GetPageAsync($"/orders/{p.OrderId}")).QuerySelector("[data-testid=cancel-session-form]") is not null;

        (await OffersCancelAsync(p.Coachee)).ShouldBeTrue("a day or more ahead, the coachee may cancel");
        (await OffersCancelAsync(p.Coach)).ShouldBeTrue();

        At(s, -(s.EndsAt - s.StartsAt) - TimeSpan.FromHours(2)); // two hours before it starts: inside the 24-hour notice
        (await OffersCancelAsync(p.Coachee)).ShouldBeFalse("inside the notice the coachee's cancel would be refused with too_late_to_cancel");
        (await OffersCancelAsync(p.Coach)).ShouldBeTrue("a coach may cancel until the start");

        At(s, TimeSpan.FromMinutes(1));
        (await OffersCancelAsync(p.Coachee)).ShouldBeFalse("an ended session cannot be cancelled");
        (await OffersCancelAsync(p.Coach)).ShouldBeFalse("an ended session cannot be cancelled");
    }
}
