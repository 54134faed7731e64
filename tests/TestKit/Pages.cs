using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace TechInterviewCoach.TestKit;

/// <summary>Server-rendered pages through HTTP: fetch, parse, and post forms with their antiforgery token.</summary>
public static class Pages
{
    public static async Task<IDocument> GetPageAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, html.Length > 2000 ? html[..2000] : html);
        return await ParseAsync(html, new Uri(client.BaseAddress ?? new Uri("https://localhost"), url).ToString());
    }

    public static async Task<IDocument> ParseAsync(string html, string url = "https://localhost/")
    {
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(req => req.Content(html).Address(url));
    }

    /// <summary>
    /// Submits the form matched by <paramref name="formSelector"/> with its current field values (including
    /// the antiforgery token) overridden by <paramref name="values"/>. Returns the raw response.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, IDocument page, string formSelector, IDictionary<string, string>? values = null, string? pageUrl = null)
    {
        var form = page.QuerySelector(formSelector) as IHtmlFormElement ?? throw new InvalidOperationException($"No form {formSelector}");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    if (input.Type is "checkbox" or "radio" && !input.IsChecked) continue;
                    if (input.Type is "submit" or "button" or "file") continue;
                    fields.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields.Add(new(area.Name!, area.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    foreach (var option in select.Options.Where(o => o.IsSelected)) fields.Add(new(select.Name!, option.Value));
                    break;
            }
        }
        if (values is not null)
            foreach (var (key, value) in values)
            {
                fields.RemoveAll(f => f.Key == key);
                fields.Add(new(key, value));
            }
        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? pageUrl ?? page.Url : action;
        return await client.PostAsync(target, new FormUrlEncodedContent(fields));
    }
}
