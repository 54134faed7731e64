namespace TechInterviewCoach.Integrations.ContractHandlers;

/// <summary>
/// Takes an analytics event from the outbox: dropped without a key, for an unknown event, or when the person
/// turned analytics off; otherwise its allow-listed properties are queued for the next PostHog batch.
/// Never throws for PostHog's sake: sending happens later, off the outbox.
/// </summary>
internal sealed class TrackEventHandler(
    IMediator mediator,
    AnalyticsQueue queue,
    OutboxExecutionContext outbox,
    IOptions<PostHogOptions> options,
    TimeProvider time) : INotificationHandler<TrackEvent>
{
    public async Task Handle(TrackEvent notification, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled || !AnalyticsAllowList.IsKnown(notification.Event)) return;
        if (!await mediator.Send(new GetAnalyticsAllowed(notification.UserId), cancellationToken)) return;
        queue.Enqueue(new QueuedEvent(
            outbox.MessageId ?? Guid.CreateVersion7(),
            notification.Event,
            notification.UserId.ToString(),
            AnalyticsAllowList.Filter(notification.Event, notification.Properties),
            time.GetUtcNow().UtcDateTime));
    }
}
