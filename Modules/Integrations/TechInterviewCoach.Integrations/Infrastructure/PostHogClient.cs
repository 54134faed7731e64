using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace TechInterviewCoach.Integrations.Infrastructure;

/// <summary>The port the analytics flusher uses; the only implementation talks to PostHog.</summary>
internal interface IAnalyticsGateway
{
    /// <summary>Sends one batch; throws on any failure (the caller retries a bounded number of times).</summary>
    Task SendBatchAsync(IReadOnlyList<QueuedEvent> events, CancellationToken cancellationToken);
}

/// <summary>POST {PostHog:Host}/batch/ (https://posthog.com/docs/api/capture#batch-events).</summary>
internal sealed class PostHogClient(HttpClient http, IOptions<PostHogOptions> options) : IAnalyticsGateway
{
    private sealed record BatchBody(
        [property: JsonPropertyName("api_key")] string ApiKey,
        [property: JsonPropertyName("historical_migration")] bool HistoricalMigration,
        [property: JsonPropertyName("batch")] IReadOnlyList<BatchEvent> Batch);

    private sealed record BatchEvent(
        [property: JsonPropertyName("event")] string Event,
        [property: JsonPropertyName("distinct_id")] string DistinctId,
        [property: JsonPropertyName("uuid")] string Uuid,
        [property: JsonPropertyName("properties")] IReadOnlyDictionary<string, object> Properties,
        [property: JsonPropertyName("timestamp")] string Timestamp);

    public async Task SendBatchAsync(IReadOnlyList<QueuedEvent> events, CancellationToken cancellationToken)
    {
        var body = new BatchBody(options.Value.ApiKey!, false, events.Select(e => new BatchEvent(
            e.Event,
            e.DistinctId,
            e.Uuid.ToString(),
            e.Properties.ToDictionary(kv => kv.Key, kv => (object)kv.Value),
            e.Timestamp.ToString("yyyy-MM-ddTHH:mm:ss.fffZ"))).ToList());
        using var response = await http.PostAsJsonAsync("batch/", body, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"PostHog answered {(int)response.StatusCode}", null, response.StatusCode);
    }
}
