using System.Threading.Channels;

namespace TechInterviewCoach.Integrations.Infrastructure;

internal sealed record QueuedEvent(Guid Uuid, string Event, string DistinctId, IReadOnlyDictionary<string, string> Properties, DateTime Timestamp);

/// <summary>
/// Events waiting for the next batch, in memory. Bounded: under a long PostHog outage the oldest are dropped
/// rather than holding memory or anyone's request (analytics is allowed to be lossy; the outbox already handed them over).
/// </summary>
internal sealed class AnalyticsQueue
{
    private readonly Channel<QueuedEvent> _channel;
    private long _dropped;

    public AnalyticsQueue(Microsoft.Extensions.Options.IOptions<PostHogOptions> options)
    {
        _channel = Channel.CreateBounded<QueuedEvent>(new BoundedChannelOptions(options.Value.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        }, _ => Interlocked.Increment(ref _dropped));
    }

    public ChannelReader<QueuedEvent> Reader => _channel.Reader;

    public void Enqueue(QueuedEvent e) => _channel.Writer.TryWrite(e);

    /// <summary>How many were dropped because the queue was full, since the last call.</summary>
    public long TakeDroppedCount() => Interlocked.Exchange(ref _dropped, 0);
}
