using System.Globalization;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TechInterviewCoach.Matching.Contracts;

namespace TechInterviewCoach.Journeys.Tests;

/// <summary>
/// Pages and emails speak to their reader: emails carry the booked times in each person's zone and the refunded and
/// remaining amounts; chat messages look the same whether the server or the live stream drew them; each role lands on
/// its page after sign-in; the admin people search finds people and says when a filter is wrong.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReaderJourneyTests(Browser browser) : IAsyncLifetime
{
    private readonly JourneysApp _app = new() { Database = TestDatabase.Sqlite };
    private StandIn _resend = null!;
    private static readonly Dictionary<Guid, ListingForPurchase> Listings = new();

    public async Task InitializeAsync()
    {
        _resend = await StandIn.StartAsync(app => app.MapPost("/emails", () => Results.Json(new { id = Guid.NewGuid().ToString() })));
        await _app.InitializeAsync();
        _app.Settings["DemoData:Seed"] = "true";
        _app.Settings["Resend:ApiKey"] = "re_journey_key";
        _app.Settings["Resend:ApiBase"] = _resend.BaseAddress.ToString().TrimEnd('/');
        _app.ConfigureServices = s =>
        {
            s.AddTransient<IRequestHandler<GetListingForPurchase, ListingForPurchase?>, ListingsStandIn>();
            s.AddTransient<IRequestHandler<GetCoachAvailability, CoachAvailability?>, AvailabilityStandIn>();
        };
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _resend.DisposeAsync();
    }

    private static async Task<Guid> SignInAsync(IPage page, string role, string name, string email, string timeZone)
    {
        var response = await page.Context.APIRequest.PostAsync("/api/dev/signin", new() { DataObject = new { role, displayName = name, email, timeZone } });
        response.Status.ShouldBe(200, await response.TextAsync());
        return (await response.JsonAsync())!.Value.GetProperty("userId").GetGuid();
    }

    private static string InZone(DateTime utc, string zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(utc, TimeZoneInfo.FindSystemTimeZoneById(zone)).ToString("ddd d MMM yyyy, HH:mm", CultureInfo.InvariantCulture) + $" ({zone})";

    private async Task<List<(string Subject, string Text)>> EmailsToAsync(string address, Func<List<(string Subject, string Text)>, bool> enough)
    {
        List<(string, string)> found = [];
        for (var i = 0; i < 120; i++)
        {
            found = _resend.RequestsTo("POST", "/emails").Select(r => JsonDocument.Parse(r.Body).RootElement)
                .Where(b => b.GetProperty("to")[0].GetString() == address)
                .Select(b => (b.GetProperty("subject").GetString()!, b.GetProperty("text").GetString()!)).ToList();
            if (enough(found)) return found;
            await Task.Delay(250);
        }
        return found;
    }

    [Fact]
    public async Task After_a_simulated_payment_and_a_partial_refund_the_emails_give_each_persons_session_time_and_the_refunded_and_remaining_amounts()
    {
        var coachEmail = $"coach-{Guid.NewGuid():N}@journey.test";
        var coacheeEmail = $"coachee-{Guid.NewGuid():N}@journey.test";
        var coachPage = await browser.NewPageAsync(_app.ServerAddress, "Asia/Tokyo");
        var coachId = await SignInAsync(coachPage, "coach", "Tomo Coach", coachEmail, "Asia/Tokyo");
        await coachPage.GotoAsync("/coach/payouts");
        await coachPage.ClickAsync("[data-testid=connect]");
        await Assertions.Expect(coachPage.Locator("[data-testid=payout-status]")).ToContainTextAsync("Payouts: enabled");
        var listing = new ListingForPurchase(Guid.NewGuid(), coachId, "Mock interview", ListingKind.Single, 1, 60, 25500, "EUR", true, true);
        lock (Listings) Listings[listing.ListingId] = listing;

        var page = await browser.NewPageAsync(_app.ServerAddress, "America/New_York");
        await SignInAsync(page, "coachee", "Nora Coachee", coacheeEmail, "America/New_York");
        await page.GotoAsync($"/checkout/{listing.ListingId}");
        var slot = page.Locator("[data-testid=slot]").First;
        var startsAt = DateTime.Parse((await slot.GetAttributeAsync("value"))!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        await slot.CheckAsync();
        await page.ClickAsync("[data-testid=pay]");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/simulator/checkout/"));
        await page.ClickAsync("[data-testid=sim-pay]");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/orders/[0-9a-f-]{36}"));
        await Assertions.Expect(page.Locator("[data-testid=order-state]")).ToHaveTextAsync("Paid", new() { Timeout = 20_000 });
        var orderId = page.Url.Split("/orders/")[1].Split('?')[0];

        var admin = await browser.NewPageAsync(_app.ServerAddress);
        await JourneysApp.SignInAsNewAsync(admin, "admin", "Journey Admin");
        await admin.GotoAsync($"/admin/orders/{orderId}");
        await admin.FillAsync("[data-testid=refund-form] input[name=amount]", "20");
        await admin.FillAsync("[data-testid=refund-form] input[name=reason]", "Started late");
        await admin.CheckAsync("[data-testid=refund-confirm]");
        await admin.ClickAsync("[data-testid=refund]");
        await Assertions.Expect(admin.Locator("[data-testid=timeline]")).ToContainTextAsync("Refund of EUR 20.00 requested", new() { Timeout = 20_000 });

        var coacheeMail = await EmailsToAsync(coacheeEmail, l => l.Any(e => e.Subject.StartsWith("Session booked")) && l.Any(e => e.Subject.StartsWith("Refund")));
        var coachMail = await EmailsToAsync(coachEmail, l => l.Any(e => e.Subject.StartsWith("Session booked")) && l.Any(e => e.Subject.StartsWith("Refund")));

        var booked = coacheeMail.Single(e => e.Subject.StartsWith("Session booked"));
        booked.Subject.ShouldBe($"Session booked: {InZone(startsAt, "America/New_York")}");
        booked.Text.ShouldContain($"is booked for {InZone(startsAt, "America/New_York")}");
        booked.Text.ShouldContain("with Tomo Coach");
        coachMail.Single(e => e.Subject.StartsWith("Session booked")).Text.ShouldContain($"is booked for {InZone(startsAt, "Asia/Tokyo")}");

        foreach (var (who, mail) in new[] { ("coachee", coacheeMail), ("coach", coachMail) })
        {
            var refund = mail.Single(e => e.Subject.StartsWith("Refund"));
            refund.Subject.ShouldBe("Refund of EUR 20.00 for Mock interview", who);
            refund.Text.ShouldContain("EUR 20.00 of the EUR 255.00 paid for Mock interview has been refunded.", Case.Sensitive, who);
            refund.Text.ShouldContain("EUR 235.00 remains charged for this order.", Case.Sensitive, who);
            mail.ShouldAllBe(e => !e.Text.Contains('{') && !e.Subject.Contains('{'));
        }
    }

    [Fact]
    public async Task A_chat_message_drawn_by_the_server_looks_like_the_same_message_drawn_live_with_the_time_in_the_readers_zone()
    {
        var coachPage = await browser.NewPageAsync(_app.ServerAddress, "America/New_York");
        var coacheePage = await browser.NewPageAsync(_app.ServerAddress);
        var coachId = await SignInAsync(coachPage, "coach", "Kai Coach", $"kai-{Guid.NewGuid():N}@journey.test", "America/New_York");
        await SignInAsync(coacheePage, "coachee", "Cora Coachee", $"cora-{Guid.NewGuid():N}@journey.test", "Europe/Berlin");
        await coacheePage.GotoAsync($"/messages/new?coachId={coachId}");
        await coacheePage.FillAsync("[data-testid=first-message]", "Hello Kai");
        await coacheePage.ClickAsync("[data-testid=start-conversation]");
        await Assertions.Expect(coacheePage).ToHaveURLAsync(new Regex("/messages/[0-9a-f-]{36}$"));
        var conversation = new Uri(coacheePage.Url).AbsolutePath;
        await coachPage.GotoAsync(conversation);
        await coachPage.Locator("#messages[data-live=true]").WaitForAsync();
        await coacheePage.Locator("#messages[data-live=true]").WaitForAsync();

        // Drawn live on both sides: the coachee's own message, and the coach's view of it.
        await coacheePage.FillAsync("[data-testid=composer-text]", "Line one\nLine two");
        await coacheePage.ClickAsync("[data-testid=send]");
        var mineLive = coacheePage.Locator(".message.mine", new() { HasTextString = "Line one" });
        var theirsLive = coachPage.Locator(".message.theirs", new() { HasTextString = "Line one" });
        await mineLive.WaitForAsync();
        await theirsLive.WaitForAsync();
        var live = (Mine: await Shape(mineLive), Theirs: await Shape(theirsLive));

        await coacheePage.ReloadAsync();
        await coachPage.ReloadAsync();
        var drawn = (Mine: await Shape(coacheePage.Locator(".message.mine", new() { HasTextString = "Line one" })),
                     Theirs: await Shape(coachPage.Locator(".message.theirs", new() { HasTextString = "Line one" })));

        drawn.Mine.ListStyle.ShouldBe("none", "no list numbers");
        drawn.Mine.Time.ShouldBe(live.Mine.Time, "one time format, live or not");
        drawn.Theirs.Time.ShouldBe(live.Theirs.Time);
        drawn.Mine.Time.ShouldMatch(@"^\w{3} \d{1,2} \w{3} \d{4}, \d{2}:\d{2} \(Europe/Berlin\)$");
        drawn.Theirs.Time.ShouldMatch(@"^\w{3} \d{1,2} \w{3} \d{4}, \d{2}:\d{2} \(America/New_York\)$");
        Math.Abs(drawn.Mine.Height - live.Mine.Height).ShouldBeLessThan(2, $"no blank areas: drawn {drawn.Mine.Height}px, live {live.Mine.Height}px");
        Math.Abs(drawn.Theirs.TextAndMetaHeight - live.Theirs.TextAndMetaHeight).ShouldBeLessThan(2, "the other side's message has no blank areas either");
    }

    private sealed record MessageShape(double Height, double TextAndMetaHeight, string Time, string Meta, string ListStyle);

    private static async Task<MessageShape> Shape(ILocator message)
    {
        var box = (await message.BoundingBoxAsync())!;
        var parts = await message.EvaluateAsync<double>("m => m.querySelector('.meta').getBoundingClientRect().height + m.querySelector('.text').getBoundingClientRect().height + (m.querySelector('.text').getBoundingClientRect().top - m.querySelector('.meta').getBoundingClientRect().bottom)");
        var time = (await message.Locator("time").TextContentAsync())!;
        var meta = await message.Locator(".meta").EvaluateAsync<string>("m => m.innerText");
        var listStyle = await message.EvaluateAsync<string>("m => getComputedStyle(m.parentElement).listStyleType");
        return new MessageShape(box.Height, parts, time, meta, listStyle);
    }

    [Fact]
    public async Task Development_sign_in_returns_to_the_page_that_asked_and_otherwise_each_role_lands_on_its_page()
    {
        // A page that asked for sign-in gets the person back.
        var page = await browser.NewPageAsync(_app.ServerAddress);
        await page.GotoAsync("/signin?returnUrl=%2Fsettings");
        await page.ClickAsync("[data-testid=dev-signin-link]");
        await page.Locator("[data-testid=dev-signin-coachee]").First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/settings$"));

        // Without a return address: the coachee sees their next steps, not the marketing page.
        var coachee = await browser.NewPageAsync(_app.ServerAddress);
        await coachee.GotoAsync("/signin");
        await coachee.ClickAsync("[data-testid=dev-signin-link]");
        await coachee.Locator("[data-testid=dev-signin-coachee]").First.ClickAsync();
        await Assertions.Expect(coachee).ToHaveURLAsync(new Regex("/home$"));
        await Assertions.Expect(coachee.Locator("[data-testid=next-steps]")).ToContainTextAsync("Take the matching quiz");
        await Assertions.Expect(coachee.Locator("[data-testid=step-matches]")).ToContainTextAsync("See your matches");

        // The coach sees conversations waiting and next sessions.
        var coach = await browser.NewPageAsync(_app.ServerAddress);
        await coach.GotoAsync("/dev/signin");
        await coach.Locator("[data-testid=dev-signin-coach]").First.ClickAsync();
        await Assertions.Expect(coach).ToHaveURLAsync(new Regex("/home$"));
        await Assertions.Expect(coach.Locator("[data-testid=conversations-waiting] h2")).ToHaveTextAsync("Conversations waiting for your reply");
        await Assertions.Expect(coach.Locator("[data-testid=next-sessions] h2")).ToHaveTextAsync("Your next sessions");

        // The admin lands on the admin index.
        var admin = await browser.NewPageAsync(_app.ServerAddress);
        await admin.GotoAsync("/dev/signin?returnUrl=%2F%2Fevil.example%2Fsteal");
        await admin.Locator("[data-testid=dev-signin-admin]").First.ClickAsync();
        await Assertions.Expect(admin).ToHaveURLAsync(new Regex("/admin$"));

        // A second coachee, as the README says: a new person with the coachee role, in another window.
        var second = await browser.NewPageAsync(_app.ServerAddress);
        await second.GotoAsync("/dev/signin");
        await second.SelectOptionAsync("#new-role", "coachee");
        await second.FillAsync("#new-name", "Second Coachee");
        await second.ClickAsync("[data-testid=dev-signin-new-submit]");
        await Assertions.Expect(second).ToHaveURLAsync(new Regex("/home$"));
        await Assertions.Expect(second.Locator("h1")).ToHaveTextAsync("Welcome back, Second Coachee");
        await Assertions.Expect(second.Locator("[data-testid=next-steps]")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_admin_finds_people_by_name_or_email_in_any_case_filters_by_a_whole_role_and_is_told_when_a_filter_is_wrong()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var setup = await browser.NewPageAsync(_app.ServerAddress);
        var coachId = await SignInAsync(setup, "coach", $"Orla Brennan {tag}", $"orla.{tag}@Journey.test", "UTC");
        var other = await browser.NewPageAsync(_app.ServerAddress);
        var coacheeId = await SignInAsync(other, "coachee", $"Orla Coachee {tag}", $"coachee.{tag}@journey.test", "UTC");

        var admin = await browser.NewPageAsync(_app.ServerAddress);
        await JourneysApp.SignInAsNewAsync(admin, "admin", "People Admin");
        await admin.GotoAsync("/admin/users");
        var rows = admin.Locator("[data-testid=admin-users-table] tbody tr");

        await admin.GetByLabel("Name or email").FillAsync($"orla brennan {tag.ToUpperInvariant()}");
        await admin.ClickAsync("[data-testid=admin-users-filter] button[type=submit]");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToHaveAttributeAsync("data-user-id", coachId.ToString());

        await admin.GetByLabel("Name or email").FillAsync($"ORLA.{tag}@JOURNEY.TEST");
        await admin.ClickAsync("[data-testid=admin-users-filter] button[type=submit]");
        await Assertions.Expect(rows).ToHaveCountAsync(1);

        // "Coach" lists the coach, not the coachee whose role merely starts with "coach"; the labels are the list's.
        await admin.GetByLabel("Name or email").FillAsync(tag);
        await admin.GetByLabel("Roles").SelectOptionAsync(new SelectOptionValue { Label = "Coach" });
        await admin.ClickAsync("[data-testid=admin-users-filter] button[type=submit]");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToHaveAttributeAsync("data-user-id", coachId.ToString());
        await Assertions.Expect(rows.First.Locator("td").Nth(2)).ToHaveTextAsync("Coach");
        await admin.GetByLabel("Roles").SelectOptionAsync(new SelectOptionValue { Label = "Coachee" });
        await admin.ClickAsync("[data-testid=admin-users-filter] button[type=submit]");
        await Assertions.Expect(rows.First).ToHaveAttributeAsync("data-user-id", coacheeId.ToString());

        // A filter that is not on the list is said so, next to the field.
        await admin.GotoAsync("/admin/users?role=wizard");
        await Assertions.Expect(admin.Locator("[data-testid=filter-error]")).ToContainTextAsync("There is no role \"wizard\"");
        await Assertions.Expect(admin.GetByLabel("Roles")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(admin.Locator("[data-testid=people-count]")).ToHaveCountAsync(0);
    }

    private sealed class ListingsStandIn : IRequestHandler<GetListingForPurchase, ListingForPurchase?>
    {
        public Task<ListingForPurchase?> Handle(GetListingForPurchase r, CancellationToken ct)
        {
            lock (Listings) return Task.FromResult(Listings.GetValueOrDefault(r.ListingId));
        }
    }

    private sealed class AvailabilityStandIn : IRequestHandler<GetCoachAvailability, CoachAvailability?>
    {
        public Task<CoachAvailability?> Handle(GetCoachAvailability r, CancellationToken ct) =>
            Task.FromResult<CoachAvailability?>(new CoachAvailability(r.CoachId, "Europe/Berlin",
                Enum.GetValues<DayOfWeek>().Select(d => new WeeklyWindow(d, new TimeOnly(8, 0), new TimeOnly(20, 0))).ToList()));
    }
}
