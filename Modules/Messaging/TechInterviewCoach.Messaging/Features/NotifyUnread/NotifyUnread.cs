namespace TechInterviewCoach.Messaging.Features;

/// <summary>
/// The background rounds of Messaging: (1) a recipient who has not read a message UnreadEmailAfter after it
/// arrived gets one UnreadMessage email (no text, just who and where), at most one per UnreadEmailMinInterval per
/// conversation; (2) conversations that wait for a coach's first reply past the promise update that coach's
/// responsiveness. Both are written to the outbox; the notified-at columns are concurrency tokens, so two
/// instances never email twice for the same message.
/// </summary>
internal sealed partial class UnreadNotifier(
    IServiceScopeFactory scopes, TimeProvider time, IOptions<MessagingOptions> options, ILogger<UnreadNotifier> logger) : BackgroundService
{
    private readonly MessagingOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.BackgroundEnabled) return;
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await RunOnceAsync(stoppingToken); }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception ex) { LogRoundFailed(logger, ex.GetType().Name); }
            try { await Task.Delay(_options.BackgroundInterval, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>One round: returns how many emails and responsiveness updates it wrote to the outbox.</summary>
    internal async Task<(int Emails, int Responsiveness)> RunOnceAsync(CancellationToken ct = default)
    {
        var emails = 0;
        await using (var scope = scopes.CreateAsyncScope())
            emails = await EmailUnreadAsync(scope.ServiceProvider, ct);
        await using (var scope = scopes.CreateAsyncScope())
            return (emails, await ReportOverdueAsync(scope.ServiceProvider, ct));
    }

    private async Task<int> EmailUnreadAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<MessagingDbContext>();
        var mediator = services.GetRequiredService<IMediator>();
        var now = time.GetUtcNow().UtcDateTime;
        var cutoff = now - _options.UnreadEmailAfter;
        var quiet = now - _options.UnreadEmailMinInterval;

        // For each side: the oldest unread message from the other party that is old enough and arrived after the last email.
        var forCoachee = await (from c in db.Conversations
                                where c.CoacheeNotifiedAt == null || c.CoacheeNotifiedAt <= quiet
                                from m in db.Messages
                                where m.ConversationId == c.Id && m.SenderId == c.CoachId && m.Seq > c.CoacheeReadSeq
                                      && m.SentAt <= cutoff && (c.CoacheeNotifiedAt == null || m.SentAt > c.CoacheeNotifiedAt)
                                select c.Id).Distinct().OrderBy(id => id).Take(200).ToListAsync(ct);
        var forCoach = await (from c in db.Conversations
                              where c.CoachNotifiedAt == null || c.CoachNotifiedAt <= quiet
                              from m in db.Messages
                              where m.ConversationId == c.Id && m.SenderId == c.CoacheeId && m.Seq > c.CoachReadSeq
                                    && m.SentAt <= cutoff && (c.CoachNotifiedAt == null || m.SentAt > c.CoachNotifiedAt)
                              select c.Id).Distinct().OrderBy(id => id).Take(200).ToListAsync(ct);
        var sent = 0;
        foreach (var (id, toCoachee) in forCoachee.Select(id => (id, true)).Concat(forCoach.Select(id => (id, false))))
        {
            db.ChangeTracker.Clear();
            var c = await db.Conversations.SingleAsync(x => x.Id == id, ct);
            var recipient = toCoachee ? c.CoacheeId : c.CoachId;
            var sender = c.OtherParty(recipient);
            var names = await mediator.NamesAsync([recipient, sender], ct);
            if (names.TryGetValue(recipient, out var r) && r.IsDeleted) continue;
            if (toCoachee) c.CoacheeNotifiedAt = now; else c.CoachNotifiedAt = now;
            db.Enqueue(new SendEmail(recipient, null, new UnreadMessageEmail(names.NameOf(sender)), $"/messages/{c.Id}"), time.GetUtcNow());
            try
            {
                await db.SaveChangesAsync(ct);
                sent++;
            }
            catch (DbUpdateConcurrencyException) { /* another instance emailed, or a message arrived; next round looks again */ }
        }
        return sent;
    }

    private async Task<int> ReportOverdueAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<MessagingDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var late = now - _options.ReplyPromise;
        var overdue = await db.Conversations
            .Where(c => c.FirstReplyAt == null && c.OverdueReportedAt == null && c.ClosedAt == null && c.BlockedBy == null && c.StartedAt < late)
            .OrderBy(c => c.StartedAt).Take(200).ToListAsync(ct);
        var reported = 0;
        foreach (var coach in overdue.GroupBy(c => c.CoachId))
        {
            foreach (var c in coach) c.OverdueReportedAt = now;
            db.Enqueue(await ResponsivenessMeasure.MeasureAsync(db, coach.Key, now, _options.ReplyPromise, null, ct), time.GetUtcNow());
            reported++;
        }
        if (reported > 0)
        {
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException) { return 0; }
        }
        return reported;
    }

    [LoggerMessage(LogLevel.Error, "Messaging background round failed ({Error})")]
    private static partial void LogRoundFailed(ILogger logger, string error);
}
