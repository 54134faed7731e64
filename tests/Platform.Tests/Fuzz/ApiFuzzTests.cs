using System.Collections.Concurrent;
using System.Diagnostics;
using Xunit.Abstractions;

namespace TechInterviewCoach.Platform.Tests.Fuzz;

/// <summary>
/// A hostile client, driven by /openapi/v1.json: every operation, as every role (visitor, coachee, coach, admin), with the
/// document's sample body and then with wrong types, nulls, empty and 100,000-character strings, control characters,
/// negative and huge numbers, bad ids and dates, extra fields, wrong content types, an oversized body, and six concurrent
/// repeats of the same write by the same person. Fails on any 5xx; on a 2xx for input that must be refused (control
/// characters, wrong JSON types, unreadable bodies); on a 4xx from the API that is not a problem detail with a code; and
/// on a 400 for a field-level fault that does not name the field.
/// </summary>
public sealed class ApiFuzzTests(PlatformApp app, ITestOutputHelper output) : IClassFixture<PlatformApp>
{
    private static readonly string Huge = new('x', 100_000);
    private static readonly string[] ControlTexts = ["\u0000", "a\u0000b", "bell\u0007", "esc\u001b[31m", "c1\u0085"];

    private sealed record Case(string Variant, Func<HttpRequestMessage> Request, bool MustRefuse, string? Field);

    private sealed record Outcome(string Operation, string Role, string Variant, int Status, string Body);

    [Fact]
    public async Task Every_operation_as_every_role_answers_malformed_input_without_a_server_error()
    {
        var clock = Stopwatch.StartNew();
        var people = await People.CreateAsync(app);
        var doc = OpenApiModel.Parse(await app.CreateHttpsClient().GetStringAsync("/openapi/v1.json"));
        var operations = doc.Operations()
            .Where(o => !o.Path.EndsWith("/stream", StringComparison.Ordinal)) // server-sent event streams never end; covered by Messaging.Tests
            .OrderBy(o => Destructive(o) ? 1 : 0).ToList();

        var outcomes = new ConcurrentBag<Outcome>();
        var failures = new ConcurrentBag<string>();
        var requests = 0;
        foreach (var op in operations)
        foreach (var role in People.Roles)
        {
            var client = people.Client(role, op);
            var cases = Cases(doc, op, people).ToList();
            // A role the operation refuses (401/403) is asked the baseline and a few malformed variants only.
            var baseline = await SendAsync(client, cases[0]);
            Interlocked.Increment(ref requests);
            Record(op, role, cases[0], baseline, outcomes, failures);
            var allowed = baseline.Status is not (401 or 403);
            var rest = allowed ? cases.Skip(1) : cases.Skip(1).Where(c => c.MustRefuse).Take(3);
            await Parallel.ForEachAsync(rest, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (c, _) =>
            {
                var result = await SendAsync(client, c);
                Interlocked.Increment(ref requests);
                Record(op, role, c, result, outcomes, failures);
            });
            if (allowed && op.IsWrite && !Destructive(op))
            {
                // The same write six times at once by the same person (a double-click, a retrying client).
                var repeats = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => SendAsync(client, cases[0])));
                Interlocked.Add(ref requests, 6);
                foreach (var r in repeats) Record(op, role, cases[0] with { Variant = "concurrent repeat" }, r, outcomes, failures);
            }
        }

        var fiveHundreds = outcomes.Count(o => o.Status >= 500);
        output.WriteLine($"{operations.Count} operations, {People.Roles.Length} roles, {requests} requests, {fiveHundreds} answered 5xx, {failures.Count} failures, {clock.Elapsed.TotalSeconds:F0} s");
        foreach (var group in outcomes.GroupBy(o => o.Status).OrderBy(g => g.Key)) output.WriteLine($"  {group.Key}: {group.Count()}");
        failures.ShouldBeEmpty(string.Join("\n", failures.Distinct().Take(60)));
        operations.Count.ShouldBeGreaterThan(50);
    }

    private static bool Destructive(Operation op) =>
        op.Path.Contains("delete", StringComparison.OrdinalIgnoreCase) || op.Path.Contains("signout", StringComparison.OrdinalIgnoreCase);

    private static void Record(Operation op, string role, Case c, Outcome raw, ConcurrentBag<Outcome> outcomes, ConcurrentBag<string> failures)
    {
        var o = raw with { Operation = op.ToString(), Role = role, Variant = c.Variant };
        outcomes.Add(o);
        var where = $"{op} as {role}, {c.Variant}";
        var snippet = o.Body.Length > 300 ? o.Body[..300] : o.Body;
        if (o.Status >= 500) failures.Add($"{where}: {o.Status} {snippet}");
        if (c.MustRefuse && o.Status is >= 200 and < 300) failures.Add($"{where}: accepted ({o.Status}) input that must be refused");
        if (o.Status is >= 400 and < 500 && op.Path.StartsWith("/api", StringComparison.Ordinal))
        {
            JsonElement problem;
            try { problem = JsonSerializer.Deserialize<JsonElement>(o.Body); }
            catch (JsonException) { failures.Add($"{where}: {o.Status} without a problem body: {snippet}"); return; }
            if (problem.ValueKind != JsonValueKind.Object || !problem.TryGetProperty("code", out var code) || code.GetString() is not { Length: > 0 })
            {
                failures.Add($"{where}: {o.Status} problem without a code: {snippet}");
                return;
            }
            // Input that must be refused for one field's sake is refused naming that field.
            if (o.Status == 400 && c.MustRefuse && c.Field is { } field && code.GetString() is "validation_failed" or "invalid_input")
            {
                var keys = problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object
                    ? errors.EnumerateObject().Select(p => p.Name).ToList() : [];
                if (!keys.Any(k => k.Contains(field, StringComparison.OrdinalIgnoreCase) || k == "body"))
                    failures.Add($"{where}: 400 does not name '{field}' (errors: {string.Join(", ", keys)})");
            }
        }
    }

    private static async Task<Outcome> SendAsync(HttpClient client, Case c)
    {
        using var request = c.Request();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cts.Token);
            var body = await response.Content.ReadAsStringAsync();
            return new Outcome("", "", "", (int)response.StatusCode, body);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            return new Outcome("", "", "", 599, $"no answer: {e.GetType().Name} {e.Message}");
        }
    }

    /// <summary>The baseline (the document's sample) first, then every malformed variant.</summary>
    private static IEnumerable<Case> Cases(OpenApiModel doc, Operation op, People people)
    {
        var method = new HttpMethod(op.Method);
        var path = op.Parameters.Where(p => p.In == "path").Aggregate(op.Path, (acc, p) => acc.Replace($"{{{p.Name}}}", people.IdFor(op, p.Name)));
        var query = op.Parameters.Where(p => p.In == "query").ToList();
        JsonNode? sample = op.BodySchema is { } s && op.BodyContentType == "application/json" ? doc.Sample(s, "body", people.IdForProperty) : null;

        HttpRequestMessage Make(string url, HttpContent? content) => new(method, url) { Content = content };
        StringContent Json(string text, string type = "application/json") => new(text, Encoding.UTF8, type);
        HttpContent? Body() => op.BodyContentType switch
        {
            "application/json" => Json(sample?.ToJsonString() ?? "{}"),
            "multipart/form-data" => Multipart("cv.pdf", "application/pdf", Samples.PdfShell()),
            _ => null,
        };

        yield return new Case("sample", () => Make(path, Body()), false, null);

        // Path ids that are not ids, or ids of nothing.
        foreach (var p in op.Parameters.Where(p => p.In == "path"))
            foreach (var bad in new[] { "not-an-id", "-1", "99999999999999999999999", Guid.Empty.ToString(), "x%0Ay", "%C3%28" })
                yield return new Case($"path {p.Name}={bad}", () => Make(op.Path.Replace($"{{{p.Name}}}", bad).Replace("{", "").Replace("}", ""), Body()), false, null);

        // Query values of every wrong kind.
        foreach (var p in query)
            foreach (var (value, refuse) in QueryValues(doc, p))
                yield return new Case($"query {p.Name}={Shorten(value)}", () => Make($"{path}?{p.Name}={Uri.EscapeDataString(value)}", Body()), refuse, refuse ? p.Name : null);

        if (op.BodyContentType == "application/json" && sample is JsonObject body && op.BodySchema is { } schema)
        {
            foreach (var (prop, propSchema) in doc.Properties(schema) ?? new JsonObject())
                foreach (var (label, value, refuse) in Values(doc, propSchema!.AsObject()))
                {
                    var copy = body.DeepClone().AsObject();
                    copy[prop] = value?.DeepClone();
                    var text = copy.ToJsonString();
                    yield return new Case($"{prop}: {label}", () => Make(path, Json(text)), refuse, prop);
                }
            var extra = body.DeepClone().AsObject();
            extra["unexpectedField"] = "\u0000";
            extra["__proto__"] = new JsonObject { ["admin"] = true };
            var extraText = extra.ToJsonString();
            yield return new Case("extra fields", () => Make(path, Json(extraText)), false, null);
            yield return new Case("null body", () => Make(path, Json("null")), false, null);
            yield return new Case("array body", () => Make(path, Json("[]")), true, null);
            yield return new Case("number body", () => Make(path, Json("42")), true, null);
            yield return new Case("truncated JSON", () => Make(path, Json("{\"a\":")), true, null);
            yield return new Case("empty body", () => Make(path, Json("")), false, null);
            yield return new Case("text/plain", () => Make(path, Json(body.ToJsonString(), "text/plain")), true, null);
            yield return new Case("form-encoded", () => Make(path, new FormUrlEncodedContent([new("a", "b")])), true, null);
            yield return new Case("no content type", () => Make(path, new ByteArrayContent(Encoding.UTF8.GetBytes(body.ToJsonString()))), true, null);
            var oversized = "{\"x\":\"" + new string('y', 3_000_000) + "\"}";
            yield return new Case("3 MB body", () => Make(path, Json(oversized)), false, null);
            yield return new Case("deeply nested", () => Make(path, Json(new string('[', 5000) + new string(']', 5000))), true, null);
        }
        else if (op.BodyContentType == "multipart/form-data")
        {
            yield return new Case("not a PDF", () => Make(path, Multipart("cv.pdf", "application/pdf", Encoding.ASCII.GetBytes("hello"))), true, null);
            yield return new Case("control characters in file name", () => Make(path, Multipart("c\u0001v.pdf", "application/pdf", Samples.PdfShell())), false, null);
            yield return new Case("empty file", () => Make(path, Multipart("cv.pdf", "application/pdf", [])), true, null);
            yield return new Case("JSON instead of a file", () => Make(path, Json("{}")), true, null);
            yield return new Case("no file field", () => Make(path, new MultipartFormDataContent { { new StringContent("x"), "other" } }), true, null);
        }
        else if (op.IsWrite)
        {
            yield return new Case("unexpected JSON body", () => Make(path, Json("{\"x\":\"\\u0000\"}")), false, null);
        }
    }

    private static MultipartFormDataContent Multipart(string fileName, string type, byte[] bytes)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(type);
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    private static string Shorten(string value) => value.Length > 20 ? $"{value[..10]}… ({value.Length} chars)" : value.Replace("\u0000", "\\0");

    private static IEnumerable<(string Value, bool MustRefuse)> QueryValues(OpenApiModel doc, Parameter p)
    {
        var type = doc.MainType(p.Schema);
        var isText = type == "string" && p.Schema["format"] is null && p.Schema["enum"] is null;
        foreach (var control in ControlTexts) yield return (control, true);
        yield return ("", false);
        yield return (Huge, false);
        yield return ("-1", false);
        yield return ("-2147483649", p.Schema["format"]?.GetValue<string>() == "int32");
        yield return ("100000000", false);
        yield return ("2147483647", false);
        yield return ("99999999999999999999999", type is "integer");
        yield return ("1e309", type is "integer");
        yield return ("NaN", type is "integer");
        yield return ("not-a-value", !isText && type is not "");
        yield return ("2026-13-45T99:99:99", false);
        yield return ("00000000-0000-0000-0000-000000000000", false);
    }

    /// <summary>Malformed values for one body property, and whether the endpoint must refuse each.</summary>
    private static IEnumerable<(string Label, JsonNode? Value, bool MustRefuse)> Values(OpenApiModel doc, JsonObject schema)
    {
        schema = doc.Resolve(schema);
        var type = doc.MainType(schema);
        var format = schema["format"]?.GetValue<string>();
        yield return ("null", null, false);
        yield return ("object", new JsonObject { ["a"] = 1 }, type is not ("object" or ""));
        switch (type)
        {
            case "string":
                yield return ("number", 12345, true);
                yield return ("array", new JsonArray("a"), true);
                yield return ("empty", "", false);
                yield return ("100,000 characters", Huge, false);
                foreach (var control in ControlTexts) yield return ($"control {Shorten(control)}", control, true);
                if (format is "uuid") yield return ("bad id", "not-a-guid", true);
                if (format is "date-time" or "date") { yield return ("bad date", "2026-02-30", true); yield return ("year 0001", "0001-01-01T00:00:00Z", false); yield return ("year 9999", "9999-12-31T23:59:59Z", false); }
                break;
            case "integer":
            case "number":
                yield return ("text", "12", false);
                yield return ("-1", -1, false);
                yield return ("0", 0, false);
                yield return ("long min", long.MinValue, false);
                yield return ("huge", JsonNode.Parse("99999999999999999999999"), type == "integer");
                yield return ("1e308", JsonNode.Parse("1e308"), type == "integer");
                yield return ("fraction", 1.5, type == "integer");
                yield return ("boolean", true, true);
                break;
            case "boolean":
                yield return ("text", "yes", true);
                yield return ("number", 1, true);
                break;
            case "array":
                yield return ("text", "a", true);
                yield return ("[null]", new JsonArray((JsonNode?)null), false);
                yield return ("empty", new JsonArray(), false);
                var item = doc.ItemSchema(schema);
                var itemType = doc.MainType(item);
                if (itemType == "string")
                {
                    yield return ("[control]", new JsonArray("a\u0000b"), true);
                    yield return ("[100,000 characters]", new JsonArray(Huge), false);
                    yield return ("[number]", new JsonArray(5), true);
                }
                if (itemType == "object" && doc.Properties(item) is { } itemProps)
                {
                    yield return ("[string]", new JsonArray("x"), true);
                    foreach (var (prop, propSchema) in itemProps)
                    {
                        var t = doc.MainType(propSchema!.AsObject());
                        var element = doc.Sample(item, "item", _ => null)!.AsObject();
                        element[prop] = t == "string" ? "\u0000" : "\u0000";
                        yield return ($"[{{{prop}: control}}]", new JsonArray(element), true);
                        var nulled = doc.Sample(item, "item", _ => null)!.AsObject();
                        nulled[prop] = t is "integer" or "number" ? JsonNode.Parse("99999999999999999999999") : null;
                        yield return ($"[{{{prop}: null or huge}}]", new JsonArray(nulled), false);
                    }
                }
                yield return ("10,000 items", new JsonArray(Enumerable.Range(0, 10_000).Select(_ => doc.Sample(item, "item", _ => null)).ToArray()), false);
                break;
            case "object":
                yield return ("text", "a", true);
                yield return ("{control key}", new JsonObject { ["\u0000"] = 1 }, false);
                break;
        }
    }
}

/// <summary>The people the fuzz test calls as, and real ids for path parameters where one exists.</summary>
internal sealed class People
{
    public static readonly string[] Roles = ["visitor", "coachee", "coach", "admin"];
    private readonly Dictionary<string, HttpClient> _clients = new();
    private readonly PlatformApp _app;
    private Guid _coachee, _coach, _victim;
    private string? _listingId, _conversationId, _messageId;

    private People(PlatformApp app) => _app = app;

    public Guid CoachId => _coach;
    public Guid VictimId => _victim;
    public string? ListingId => _listingId;
    public string? ConversationId => _conversationId;
    public HttpClient this[string role] => _clients[role];

    public static async Task<People> CreateAsync(PlatformApp app)
    {
        var people = new People(app);
        people._clients["visitor"] = app.CreateHttpsClient();
        var coachee = await app.CreateUserAsync("coachee", "Fuzz Coachee", timeZone: "Europe/Berlin");
        var coach = await app.CreateUserAsync("coach", "Fuzz Coach", timeZone: "Europe/Berlin");
        var admin = await app.CreateUserAsync("admin", "Fuzz Admin");
        var victim = await app.CreateUserAsync("coachee", "Fuzz Victim");
        people._clients["coachee"] = coachee.Client;
        people._clients["coach"] = coach.Client;
        people._clients["admin"] = admin.Client;
        (people._coachee, people._coach, people._victim) = (coachee.Id, coach.Id, victim.Id);

        // Real things to point at: a published profile and listing, a conversation with a message.
        await coach.Client.PutAsJsonAsync("/api/matching/coach/profile", new
        {
            headline = "Fuzz coach", bio = "Coaches fuzzers.", yearsOfExperience = 5, companies = new[] { "Acme" }, roles = new[] { "backend" },
            interviewTypes = new[] { "system_design" }, languages = new[] { "en" }, timeZone = "Europe/Berlin",
            availability = new[] { new { day = "Monday", start = "09:00:00", end = "17:00:00" } }, isPublished = true,
        });
        var listing = await coach.Client.PostAsJsonAsync("/api/matching/coach/listings", Samples.Listing(description: "One hour."));
        if (listing.IsSuccessStatusCode && JsonSerializer.Deserialize<JsonElement>(await listing.Content.ReadAsStringAsync()) is { ValueKind: JsonValueKind.Object } l
            && l.TryGetProperty("id", out var id)) people._listingId = id.GetString();
        var started = await coachee.Client.PostAsJsonAsync("/api/messaging/conversations", new { coachId = coach.Id, text = "Hello" });
        if (started.IsSuccessStatusCode && JsonSerializer.Deserialize<JsonElement>(await started.Content.ReadAsStringAsync()) is { ValueKind: JsonValueKind.Object } c)
        {
            if (c.TryGetProperty("conversationId", out var cid)) people._conversationId = cid.GetString();
            if (c.TryGetProperty("messageId", out var mid)) people._messageId = mid.GetString();
        }
        return people;
    }

    public HttpClient Client(string role, Operation op)
    {
        if (role == "visitor" || !op.Path.Contains("delete", StringComparison.OrdinalIgnoreCase)) return _clients[role];
        // Account deletion runs on a person of its own, so the others keep their accounts.
        return _app.CreateUserAsync(role, $"Fuzz {role} to delete").GetAwaiter().GetResult().Client;
    }

    public string IdFor(Operation op, string name)
    {
        var path = op.Path;
        string? id = name switch
        {
            "coacheeId" => _coachee.ToString(),
            "listingId" => _listingId,
            "messageId" => _messageId,
            "id" when path.Contains("/admin/users/") => _victim.ToString(),
            "id" when path.Contains("/coaches/") => _coach.ToString(),
            "id" when path.Contains("/listings/") => _listingId,
            "id" when path.Contains("/conversations/") => _conversationId,
            _ => null,
        };
        return id ?? Guid.NewGuid().ToString();
    }

    public string? IdForProperty(string name) => name switch
    {
        "coachId" => _coach.ToString(),
        "listingId" => _listingId,
        "userId" => _victim.ToString(),
        _ => null,
    };
}
