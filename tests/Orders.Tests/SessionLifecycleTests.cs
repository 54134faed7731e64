using System.Text;
using TechInterviewCoach.Integrations.Contracts;

namespace TechInterviewCoach.Orders.Tests;

/// <summary>A session from booking to its time: packages booked as they go, moves, proposals, cancellation, the record (issue 15).</summary>
public sealed class SessionLifecycleTests(SessionsApp app) : IClassFixture<SessionsApp>
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Fact]
    public async Task A_package_is_paid_without_times_and_its_sessions_are_booked_one_by_one_until_none_is_left()
    {
        var (coach, buyer, orderId) = await app.PaidPackageAsync(sessions: 3);
        var order = await app.OrderAsync(orderId);
        order.State.ShouldBe(OrderState.Paid);
        order.Bookings.ShouldBeEmpty();
        order.ValidUntil.ShouldNotBeNull();
        order.ValidUntil!.Value.ShouldBe(order.PaidAt!.Value.AddDays(90), TimeSpan.FromSeconds(1));

        var free = await SessionsApp.FreeAsync(buyer, orderId);
        free.Count.ShouldBeGreaterThan(3);
        var page = await buyer.Client.GetPageAsync($"/orders/{orderId}");
        page.QuerySelector("[data-testid=book-next]")!.TextContent.ShouldContain("3 session(s) left to book");

        var ids = new List<Guid>();
        foreach (var (start, left) in new[] { (free[0], 2), (free[2], 1), (free[4], 0) })
        {
            var body = await (await SessionsApp.BookAsync(buyer, orderId, start)).ReadJsonAsync<JsonElement>();
            body.GetProperty("sessionsLeft").GetInt32().ShouldBe(left);
            ids.Add(body.GetProperty("sessionId").GetGuid());
        }
        await (await SessionsApp.BookAsync(buyer, orderId, free[6])).ShouldBeProblemAsync(HttpStatusCode.Conflict, "no_sessions_left");
        await (await SessionsApp.BookAsync(coach, orderId, free[6])).ShouldBeProblemAsync(HttpStatusCode.NotFound, "order_not_found");

        order = await app.OrderAsync(orderId);
        order.Bookings.Where(b => b.Status == BookingStatus.Booked).Select(b => b.StartsAt).Order().ShouldBe([free[0], free[2], free[4]]);
        order.Bookings.ShouldAllBe(b => b.MeetingUrl!.StartsWith("https://meet.jit.si/tic-") && b.MeetingUrl.Length > 40);
        order.Bookings.Select(b => b.MeetingUrl).Distinct().Count().ShouldBe(3);
        order.Timeline.Count(t => t.Description.StartsWith("Session booked")).ShouldBe(3);

        var admin = await app.CreateUserAsync(Roles.Admin);
        var record = await admin.Client.GetPageAsync($"/admin/orders/{orderId}");
        record.QuerySelector("[data-testid=timeline]")!.TextContent.ShouldContain("(0 left to book)");

        var emails = (await app.EmailsAsync(ids[0])).Where(e => e.Email is SessionScheduledEmail).ToList();
        emails.Select(e => e.ToUserId).ShouldBe([buyer.Id, coach.Id], ignoreOrder: true);
        emails.Single(e => e.ToUserId == buyer.Id).Email.ShouldBeOfType<SessionScheduledEmail>().TimeZone.ShouldBe("America/New_York");
        emails.Single(e => e.ToUserId == coach.Id).Email.ShouldBeOfType<SessionScheduledEmail>().TimeZone.ShouldBe("Europe/Berlin");
    }

    [Fact]
    public async Task A_single_session_still_chooses_its_time_at_checkout()
    {
        var coach = await app.PayableCoachAsync();
        var listing = app.Matching.AddListing(coach.Id);
        var buyer = await app.CreateUserAsync(Roles.Coachee);
        await (await OrdersApp.CheckoutAsync(buyer, listing.ListingId, [])).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "wrong_slot_count");
        (await app.Db(db => db.Orders.CountAsync(o => o.CoacheeId == buyer.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task A_time_in_the_past_inside_the_notice_outside_the_availability_or_taken_is_refused_with_its_reason_and_nothing_is_written()
    {
        var (_, buyer, orderId) = await app.PaidPackageAsync(sessions: 3);
        var now = DateTime.UtcNow;
        var hour = new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc);
        var night = TimeZoneInfo.ConvertTimeToUtc(DateOnly.FromDateTime(now.AddDays(3)).ToDateTime(new TimeOnly(2, 0)), Berlin); // coach asleep
        var free = await SessionsApp.FreeAsync(buyer, orderId);
        var first = await app.BookedAsync(buyer, orderId, free[0]);
        var before = await app.OrderAsync(orderId);

        await (await SessionsApp.BookAsync(buyer, orderId, hour.AddDays(-1))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "slot_in_past");
        await (await SessionsApp.BookAsync(buyer, orderId, hour.AddHours(3))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "slot_inside_notice");
        await (await SessionsApp.BookAsync(buyer, orderId, night)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "slot_unavailable");
        await (await SessionsApp.BookAsync(buyer, orderId, hour.AddDays(60))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "slot_unavailable");
        await (await SessionsApp.BookAsync(buyer, orderId, free[0])).ShouldBeProblemAsync(HttpStatusCode.Conflict, "slot_taken");
        await (await SessionsApp.BookAsync(buyer, orderId, free[0].AddMinutes(30))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "slot_unavailable");
        await (await SessionsApp.RescheduleAsync(buyer, first, night)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "slot_unavailable");

        var after = await app.OrderAsync(orderId);
        after.Bookings.Count.ShouldBe(1);
        after.Bookings.Single().StartsAt.ShouldBe(free[0]);
        after.Bookings.Single().Sequence.ShouldBe(0);
        after.Timeline.Count.ShouldBe(before.Timeline.Count);
        after.Version.ShouldBe(before.Version);
    }

    [Fact]
    public async Task A_coachee_moves_a_session_freely_outside_the_notice_and_someone_elses_session_is_not_found()
    {
        var (coach, buyer, orderId) = await app.PaidPackageAsync(sessions: 2);
        var free = await SessionsApp.FreeAsync(buyer, orderId);
        var session = await app.BookedAsync(buyer, orderId, free[2]);

        var moved = await (await SessionsApp.RescheduleAsync(buyer, session, free[5])).ReadJsonAsync<JsonElement>();
        moved.GetProperty("outcome").GetString().ShouldBe("moved");
        var booking = (await app.OrderAsync(orderId)).Bookings.Single(b => b.Id == session);
        booking.StartsAt.ShouldBe(free[5]);
        booking.Sequence.ShouldBe(1);
        (await SessionsApp.FreeAsync(buyer, orderId)).ShouldContain(free[2]); // the old time is free again

        var stranger = await app.CreateUserAsync(Roles.Coachee);
        await (await SessionsApp.RescheduleAsync(stranger, session, free[6])).ShouldBeProblemAsync(HttpStatusCode.NotFound, "session_not_found");
        await (await stranger.Client.GetAsync($"/api/orders/sessions/{session}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "session_not_found");
        (await stranger.Client.GetAsync($"/sessions/{session}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.OrderAsync(orderId)).Bookings.Single().StartsAt.ShouldBe(free[5]);

        var emails = (await app.EmailsAsync(session)).Select(e => e.Email).OfType<SessionScheduledEmail>().ToList();
        emails.Count(e => e.Moved && e.Invite.Sequence == 1 && e.Invite.StartsUtc == free[5]).ShouldBe(2);
        (await app.OrderAsync(orderId)).Timeline.ShouldContain(t => t.Description.StartsWith("Session moved by the coachee") && t.Actor == $"coachee:{buyer.Id}");
    }

    [Fact]
    public async Task Inside_the_notice_the_coach_must_accept_the_coachees_new_time_or_it_stays()
    {
        var (coach, buyer, orderId) = await app.PaidPackageAsync(sessions: 2);
        var free = await SessionsApp.FreeAsync(buyer, orderId);
        var session = await app.BookedAsync(buyer, orderId, free[0]);
        var soon = DateTime.UtcNow.AddHours(5);
        soon = new DateTime(soon.Year, soon.Month, soon.Day, soon.Hour, 0, 0, DateTimeKind.Utc);
        await app.MoveInDatabaseAsync(session, soon);

        var proposed = await (await SessionsApp.RescheduleAsync(buyer, session, free[3])).ReadJsonAsync<JsonElement>();
        proposed.GetProperty("outcome").GetString().ShouldBe("proposed");
        (await app.OrderAsync(orderId)).Bookings.Single().StartsAt.ShouldBe(soon);
        await (await buyer.Client.PostAsync($"/api/orders/sessions/{session}/reschedule/accept", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "own_proposal");
        var coachHome = await coach.Client.GetPageAsync("/home");
        coachHome.QuerySelector("[data-testid=awaits-answer]").ShouldNotBeNull();

        (await app.EmailsAsync(session)).Select(e => e.Email).OfType<RescheduleProposedEmail>().Single().ProposedUtc.ShouldBe(free[3]);
        var accepted = await (await coach.Client.PostAsync($"/api/orders/sessions/{session}/reschedule/accept", null)).ReadJsonAsync<JsonElement>();
        accepted.GetProperty("outcome").GetString().ShouldBe("moved");
        var booking = (await app.OrderAsync(orderId)).Bookings.Single();
        (booking.StartsAt, booking.Sequence, booking.ProposedStartsAt).ShouldBe((free[3], 1, (DateTime?)null));

        // Again inside the notice: this time the coach declines, and the session stays where it is.
        await app.MoveInDatabaseAsync(session, soon);
        (await SessionsApp.RescheduleAsync(buyer, session, free[4])).StatusCode.ShouldBe(HttpStatusCode.OK);
        var declined = await (await coach.Client.PostAsync($"/api/orders/sessions/{session}/reschedule/decline", null)).ReadJsonAsync<JsonElement>();
        declined.GetProperty("outcome").GetString().ShouldBe("declined");
        booking = (await app.OrderAsync(orderId)).Bookings.Single();
        (booking.StartsAt, booking.Status, booking.ProposedStartsAt).ShouldBe((soon, BookingStatus.Booked, (DateTime?)null));
        (await app.OrderAsync(orderId)).Refunds.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_coachee_who_declines_the_coachs_new_time_gets_that_session_refunded_in_full()
    {
        var (coach, buyer, orderId) = await app.PaidPackageAsync(sessions: 3, priceMinor: 30000);
        var free = await SessionsApp.FreeAsync(buyer, orderId);
        var session = await app.BookedAsync(buyer, orderId, free[0]);
        var soon = DateTime.UtcNow.AddHours(2); // inside the notice: a coachee's own cancellation would refund nothing
        await app.MoveInDatabaseAsync(session, new DateTime(soon.Year, soon.Month, soon.Day, soon.Hour, 0, 0, DateTimeKind.Utc));

        (await SessionsApp.RescheduleAsync(coach, session, free[2])).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.EmailsAsync(session)).Select(e => (e.ToUserId, e.Email)).ShouldContain(e => e.ToUserId == buyer.Id && e.Email is RescheduleProposedEmail);
        await (await coach.Client.PostAsync($"/api/orders/sessions/{session}/reschedule/decline", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "own_proposal");
        var answer = await (await buyer.Client.PostAsync($"/api/orders/sessions/{session}/reschedule/decline", null)).ReadJsonAsync<JsonElement>();
        answer.GetProperty("outcome").GetString().ShouldBe("cancelled");

        var order = await app.OrderAsync(orderId);
        order.Bookings.Single().Status.ShouldBe(BookingStatus.Cancelled);
        order.Refunds.Single().AmountMinor.ShouldBe(10000);
        StripeStandIn.FormOf(app.Stripe.To("POST", "/v1/refunds").Last())["amount"].ShouldBe("10000");
        var cancelled = (await app.EmailsAsync(session)).Select(e => e.Email).OfType<SessionCalledOffEmail>().ToList();
        cancelled.Count.ShouldBe(2);
        cancelled.ShouldAllBe(e => e.CancelledBy == "coach" && e.Refund == new Money(10000, "USD") && e.Invite.Sequence == 1);
    }

    [Fact]
    public async Task Unused_sessions_are_refunded_pro_rata_once_on_request_and_when_the_package_expires()
    {
        var (_, buyer, orderId) = await app.PaidPackageAsync(sessions: 3, priceMinor: 30000);
        var free = await SessionsApp.FreeAsync(buyer, orderId);
        await app.BookedAsync(buyer, orderId, free[0]);

        var first = await (await buyer.Client.PostAsync($"/api/orders/{orderId}/unused-sessions/refund", null)).ReadJsonAsync<JsonElement>();
        (first.GetProperty("sessions").GetInt32(), first.GetProperty("amountMinor").GetInt64()).ShouldBe((2, 20000L));
        var again = await (await buyer.Client.PostAsync($"/api/orders/{orderId}/unused-sessions/refund", null)).ReadJsonAsync<JsonElement>();
        again.GetProperty("sessions").GetInt32().ShouldBe(0);
        var order = await app.OrderAsync(orderId);
        order.Refunds.Single().AmountMinor.ShouldBe(20000);
        await (await SessionsApp.BookAsync(buyer, orderId, free[3])).ShouldBeProblemAsync(HttpStatusCode.Conflict, "no_sessions_left");

        // A package whose validity ended: the sweep refunds its never-booked share, once.
        var (_, other, expiredId) = await app.PaidPackageAsync(sessions: 4, priceMinor: 40000);
        await app.BookedAsync(other, expiredId, (await SessionsApp.FreeAsync(other, expiredId))[1]);
        await app.Db(async db =>
        {
            var o = await db.Orders.SingleAsync(x => x.Id == expiredId);
            o.ValidUntil = DateTime.UtcNow.AddMinutes(-1);
            return await db.SaveChangesAsync();
        });
        await (await SessionsApp.BookAsync(other, expiredId, (await SessionsApp.FreeAsync(other, expiredId))[3])).ShouldBeProblemAsync(HttpStatusCode.Conflict, "package_expired");
        var sweeps = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => app.InScopeAsync(sp =>
            Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<MediatR.IMediator>(sp).Send(new Features.RefundExpiredPackages()))));
        sweeps.Sum().ShouldBe(1);
        var expired = await app.OrderAsync(expiredId);
        expired.Refunds.Single().AmountMinor.ShouldBe(30000);
        expired.Refunds.Single().Actor.ShouldBe("system");
        expired.UnusedRefundedSessions.ShouldBe(3);
        expired.Timeline.ShouldContain(t => t.Description.Contains("3 unused session(s) refunded pro rata") && t.Description.Contains("validity ended"));
    }

    [Fact]
    public async Task A_paid_package_is_bookable_for_the_listings_validity_and_meets_on_the_coachs_own_link()
    {
        var (_, buyer, orderId) = await app.PaidPackageAsync(sessions: 2, validityDays: 30, meetingUrl: "https://meet.example.com/berta");
        var order = await app.OrderAsync(orderId);
        order.ValidUntil!.Value.ShouldBe(order.PaidAt!.Value.AddDays(30), TimeSpan.FromSeconds(1));
        var free = await SessionsApp.FreeAsync(buyer, orderId);
        var session = await app.BookedAsync(buyer, orderId, free[1]);
        var page = await buyer.Client.GetPageAsync($"/sessions/{session}");
        page.QuerySelector("[data-testid=meeting-link]")!.GetAttribute("href").ShouldBe("https://meet.example.com/berta");
    }

    [Fact]
    public async Task The_session_page_shows_the_time_in_the_viewers_zone_the_other_person_and_the_meeting_link_once_paid()
    {
        var (coach, buyer, orderId) = await app.PaidPackageAsync(sessions: 2);
        var free = await SessionsApp.FreeAsync(buyer, orderId);
        var session = await app.BookedAsync(buyer, orderId, free[1]);
        var link = (await app.OrderAsync(orderId)).Bookings.Single().MeetingUrl!;

        var mine = await buyer.Client.GetPageAsync($"/sessions/{session}");
        mine.QuerySelector("[data-testid=meeting-link]")!.GetAttribute("href").ShouldBe(link);
        mine.QuerySelector("[data-testid=session-time]")!.TextContent.ShouldContain("(America/New_York)");
        mine.QuerySelector("[data-testid=session-with]")!.TextContent.ShouldContain("Berta Coach");
        mine.QuerySelector("[data-testid=reschedule]").ShouldNotBeNull();
        var theirs = await coach.Client.GetPageAsync($"/sessions/{session}");
        theirs.QuerySelector("[data-testid=session-time]")!.TextContent.ShouldContain("(Europe/Berlin)");
        theirs.QuerySelector("[data-testid=meeting-link]")!.GetAttribute("href").ShouldBe(link);

        // The week grid: seven days in the viewer's zone, both zones named, a radio per free slot, previous/next weeks.
        var week = await buyer.Client.GetPageAsync($"/orders/{orderId}/book");
        week.QuerySelectorAll("[data-testid=week-day]").Length.ShouldBe(7);
        week.QuerySelector("[data-testid=week-zones]")!.TextContent.ShouldContain("Europe/Berlin");
        week.QuerySelectorAll("input[type=radio][name=StartsAt]").Length.ShouldBeGreaterThan(0);
        week.QuerySelector("[data-testid=next-week]").ShouldNotBeNull();

        // Booking through the form (no JavaScript): a radio and the button.
        var slot = week.QuerySelectorAll("input[type=radio][name=StartsAt]").Skip(3).First().GetAttribute("value")!;
        var posted = await buyer.Client.SubmitFormAsync(week, "[data-testid=week-form]", new Dictionary<string, string> { ["StartsAt"] = slot });
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        posted.Headers.Location!.ToString().ShouldStartWith("/sessions/");
        (await app.OrderAsync(orderId)).Bookings.Count(b => b.Status == BookingStatus.Booked).ShouldBe(2);
    }
}
