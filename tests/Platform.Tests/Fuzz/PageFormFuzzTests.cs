using System.Diagnostics;
using AngleSharp.Html.Dom;
using Xunit.Abstractions;

namespace TechInterviewCoach.Platform.Tests.Fuzz;

/// <summary>
/// Every page form, posted as the person who sees it (with the page's antiforgery token), then once per field with a
/// malformed value: control characters, 100,000 characters, empty, negative and huge numbers, bad dates and ids.
/// Fails on any 5xx, and when text with a control character in a text field is accepted (a redirect) instead of being
/// shown back as a form error.
/// </summary>
public sealed class PageFormFuzzTests(PlatformApp app, ITestOutputHelper output) : IClassFixture<PlatformApp>
{
    private static readonly (string Label, string Value, bool Control)[] Values =
    [
        ("NUL", "a\u0000b", true), ("escape", "\u001b[2J", true), ("100,000 characters", new string('x', 100_000), false),
        ("empty", "", false), ("-1", "-1", false), ("huge", "99999999999999999999999", false), ("bad date", "2026-13-45", false),
    ];

    [Fact]
    public async Task Every_page_form_answers_malformed_fields_without_a_server_error()
    {
        var clock = Stopwatch.StartNew();
        var people = await People.CreateAsync(app);
        var pages = new List<(string Role, string Url)>
        {
            ("visitor", "/coaches"),
            ("coachee", "/settings"), ("coachee", "/quiz"), ("coachee", "/cv"), ("coachee", "/matches"),
            ("coachee", $"/messages/new?coachId={people.CoachId}"),
            ("coach", "/coach/profile"), ("coach", "/coach/listings"), ("coach", "/coach/payouts"), ("coach", "/settings"),
            ("admin", "/admin/users"), ("admin", "/admin/orders"), ("admin", "/admin/jobs"),
        };
        if (people.ConversationId is { } conversation) pages.Add(("coachee", $"/messages/{conversation}"));
        if (people.ListingId is { } listing) pages.Add(("coachee", $"/checkout/{listing}"));

        var failures = new List<string>();
        int requests = 0, forms = 0, fiveHundreds = 0;
        foreach (var (role, url) in pages)
        {
            var client = people[role];
            var page = await client.GetPageAsync(url);
            var postForms = page.QuerySelectorAll("form").OfType<IHtmlFormElement>()
                .Where(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase))
                .Where(f => !(f.GetAttribute("action") ?? "").Contains("signout", StringComparison.OrdinalIgnoreCase))
                .Where(f => !(f.GetAttribute("action") ?? "").Contains("SignOutEverywhere", StringComparison.OrdinalIgnoreCase))
                .ToList();
            for (var i = 0; i < postForms.Count; i++)
            {
                forms++;
                var form = postForms[i];
                var fields = form.Elements.Select(e => (Name: e.GetAttribute("name"), Element: e))
                    .Where(f => !string.IsNullOrEmpty(f.Name) && f.Name != "__RequestVerificationToken")
                    .GroupBy(f => f.Name!).Select(g => g.First()).ToList();
                foreach (var (name, element) in fields)
                {
                    // Text that is stored as typed; numbers, dates and times that do not parse are a binding error, not stored text.
                    var isText = element is IHtmlTextAreaElement || (element is IHtmlInputElement input && input.Type is "text" or "email" or "search" or "url" or "tel");
                    // Text fields get every value; choices and hidden fields the ones a tampered post would carry.
                    foreach (var (label, value, control) in isText ? Values : Values.Where(v => v.Label is "NUL" or "huge"))
                {
                    // The antiforgery token of the page stays valid for this person's session.
                    var response = await SubmitAsync(client, page, postForms[i], name!, value, url);
                    requests++;
                    var status = (int)response.StatusCode;
                    var where = $"{role} {url} form {i + 1} ({form.GetAttribute("action") ?? "self"}), {name} = {label}";
                    if (status >= 500) { fiveHundreds++; failures.Add($"{where}: {status}"); }
                    // A redirect is a refusal only when the page it leads to says so (post-redirect-get with the error kept for one read).
                    if (control && isText && status is >= 300 and < 400 && !await ShowsErrorAsync(client, response.Headers.Location!))
                        failures.Add($"{where}: accepted (redirect to {response.Headers.Location}) text with a control character");
                }
                }
            }
        }
        output.WriteLine($"{pages.Count} pages, {forms} forms, {requests} requests, {fiveHundreds} answered 5xx, {clock.Elapsed.TotalSeconds:F0} s");
        failures.ShouldBeEmpty(string.Join("\n", failures.Take(60)));
        forms.ShouldBeGreaterThan(10);
    }

    private static async Task<bool> ShowsErrorAsync(HttpClient client, Uri location)
    {
        var next = await client.GetAsync(location);
        if (!next.IsSuccessStatusCode) return false;
        var document = await TechInterviewCoach.TestKit.Pages.ParseAsync(await next.Content.ReadAsStringAsync());
        return document.QuerySelectorAll("[role=alert]").Any(e => e.TextContent.Trim().Length > 0);
    }

    /// <summary>Posts the same form of the freshly loaded page (by position), with one field overridden.</summary>
    private static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, AngleSharp.Dom.IDocument fresh, IHtmlFormElement original, string name, string value, string url)
    {
        var forms = fresh.QuerySelectorAll("form").OfType<IHtmlFormElement>().ToList();
        var index = original.Owner!.QuerySelectorAll("form").OfType<IHtmlFormElement>().ToList().IndexOf(original);
        var form = index >= 0 && index < forms.Count ? forms[index] : original;
        var id = $"fuzz-form-{Guid.NewGuid():N}";
        form.SetAttribute("id", id);
        return await client.SubmitFormAsync(fresh, $"#{id}", new Dictionary<string, string> { [name] = value }, url);
    }
}
