using System.Threading.Channels;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TechInterviewCoach.BuildingBlocks.Outbox;

/// <summary>Wakes the dispatcher when this process committed outbox rows, so side effects do not wait for the next poll.</summary>
public sealed class OutboxSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _channel.Writer.TryWrite(true);

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try { await _channel.Reader.ReadAsync(cts.Token); }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested) { }
    }
}

public sealed class OutboxSignalInterceptor(OutboxSignal signal) : SaveChangesInterceptor
{
    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Signal(eventData.Context);
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Signal(eventData.Context);
        return base.SavedChanges(eventData, result);
    }

    private void Signal(DbContext? context)
    {
        // Inside an explicit transaction the rows are not visible yet; the poll picks them up after commit.
        if (context is not null && context.ChangeTracker.Entries<OutboxMessage>().Any()) signal.Notify();
    }
}
