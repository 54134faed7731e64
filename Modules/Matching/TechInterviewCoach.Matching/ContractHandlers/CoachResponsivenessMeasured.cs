namespace TechInterviewCoach.Matching.ContractHandlers;

/// <summary>Messaging: a coach's responsiveness counts in the rank.</summary>
internal sealed class CoachResponsivenessMeasuredHandler(MatchingDbContext db) : INotificationHandler<CoachResponsivenessMeasured>
{
    public async Task Handle(CoachResponsivenessMeasured n, CancellationToken ct)
    {
        var status = await ListedState.StatusAsync(db, n.CoachId, ct);
        if (db.Entry(status).State != EntityState.Added && status.UpdatedAt > n.At && status.MedianFirstReplyMinutes is not null) return; // an older measurement
        status.MedianFirstReplyMinutes = n.MedianFirstReplyMinutes;
        status.AnsweredConversations = n.AnsweredConversations;
        status.OverdueConversations = n.OverdueConversations;
        status.UpdatedAt = n.At;
        await db.SaveAndBumpAsync(ct);
    }
}
