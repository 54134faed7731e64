using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace TechInterviewCoach.Messaging.Features;

/// <summary>Server-Sent Events for the navigation badge: "unread" events with the person's unread count, and "ping" keep-alives.</summary>
internal static class StreamUnreadCountEndpoint
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/stream", (HttpContext http, ClaimsPrincipal user, IServiceProvider services, ChatHub hub, IOptions<MessagingOptions> options, IHostApplicationLifetime lifetime, CancellationToken requestAborted) =>
            {
                var ct = EventStreams.Open(http, lifetime, requestAborted);
                return TypedResults.ServerSentEvents(PersonEvents(services, hub, options.Value, user.GetUserId(), ct));
            })
            .RequireAuthorization(Policies.Member)
            .WithName("PersonStream")
            .WithSummary("Live unread count across all your conversations (text/event-stream, \"unread\" events).");

    private static async IAsyncEnumerable<SseItem<string>> PersonEvents(
        IServiceProvider services, ChatHub hub, MessagingOptions options, Guid me, [EnumeratorCancellation] CancellationToken ct)
    {
        using var subscription = hub.Subscribe(me, null);
        int? sent = null;
        while (!ct.IsCancellationRequested && !subscription.Ended)
        {
            var mediator = services.GetRequiredService<IMediator>();
            var counted = await EventStreams.Quietly(async () => (int?)await mediator.Send(new GetUnreadCount(me), ct), ct);
            if (counted is not { } count) yield break;
            if (sent != count)
            {
                sent = count;
                yield return new SseItem<string>(JsonSerializer.Serialize(new { count }, Json), "unread") { ReconnectionInterval = options.StreamRetry };
            }
            var e = await subscription.NextAsync(ct);
            if (e is null) yield break; // ended, or the client went away
            subscription.Drain();
            // A keep-alive pings and recounts (the badge has no numbers to compare; it is one count per person).
            if (e.Kind == ChatEventKind.KeepAlive) yield return new SseItem<string>("{}", "ping");
        }
    }
}
