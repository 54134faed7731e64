using System.Net.Http.Json;
using System.Text.Json;

namespace TechInterviewCoach.TestKit;

public static class HttpClientExtensions
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <summary>Signs the client in as a new onboarded person with the role; returns their id.</summary>
    public static async Task<Guid> SignInAsNewAsync(this HttpClient client, string role, string? displayName = null, string? email = null, string? timeZone = null)
    {
        var response = await client.PostAsJsonAsync("/api/dev/signin", new { role, displayName, email, timeZone });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("userId").GetGuid();
    }

    /// <summary>
    /// Asks /healthz/ready until it answers 200, for up to a minute: an instance reports ready only after its start-up work
    /// (the match snapshot) is done, which takes longer on a loaded machine. Fails with the last answer.
    /// </summary>
    public static async Task ShouldBecomeReadyAsync(this HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            using var response = await client.GetAsync("/healthz/ready");
            if (response.IsSuccessStatusCode) return;
            if (DateTime.UtcNow > deadline)
                throw new ShouldAssertException($"/healthz/ready still answers {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            await Task.Delay(200);
        }
    }

    /// <summary>Signs the client in as an existing person.</summary>
    public static async Task SignInAsAsync(this HttpClient client, Guid userId)
    {
        var response = await client.PostAsJsonAsync("/api/dev/signin", new { userId });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    public static async Task<T> ReadJsonAsync<T>(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, text);
        return JsonSerializer.Deserialize<T>(text, Json)!;
    }

    public static async Task<T> GetJsonAsync<T>(this HttpClient client, string url) =>
        await (await client.GetAsync(url)).ReadJsonAsync<T>();

    /// <summary>Asserts an RFC 9457 problem with the status and stable code; returns the parsed body.</summary>
    public static async Task<JsonElement> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", text);
        var problem = JsonSerializer.Deserialize<JsonElement>(text);
        problem.GetProperty("code").GetString().ShouldBe(code, text);
        problem.GetProperty("status").GetInt32().ShouldBe((int)status);
        return problem;
    }

    /// <summary>Field errors of a validation problem, keyed by camelCase field name.</summary>
    public static Dictionary<string, string[]> FieldErrors(this JsonElement problem) =>
        problem.TryGetProperty("errors", out var errors)
            ? errors.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(e => e.GetString()!).ToArray())
            : new();
}
