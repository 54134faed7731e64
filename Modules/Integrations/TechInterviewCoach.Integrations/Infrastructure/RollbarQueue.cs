using System.Threading.Channels;

namespace TechInterviewCoach.Integrations.Infrastructure;

/// <summary>
/// Between the logger (any thread, any request) and the sender: bounded, never waits. Bursts are capped twice:
/// the channel holds at most 200 reports, and the sender sends at most Rollbar:MaxItemsPerMinute.
/// </summary>
internal sealed class RollbarQueue(IOptions<RollbarOptions> options)
{
    private readonly Channel<ErrorReport> _channel = Channel.CreateBounded<ErrorReport>(new BoundedChannelOptions(200)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    private long _dropped;

    public bool Enabled { get; } = options.Value.Enabled;

    public ChannelReader<ErrorReport> Reader => _channel.Reader;

    public void Enqueue(ErrorReport report)
    {
        if (!_channel.Writer.TryWrite(report)) Interlocked.Increment(ref _dropped);
    }

    public void CountDropped(long count) => Interlocked.Add(ref _dropped, count);

    public long TakeDroppedCount() => Interlocked.Exchange(ref _dropped, 0);
}
