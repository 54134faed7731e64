namespace TechInterviewCoach.Matching.ContractHandlers;

/// <summary>Orders: a coach's reviews changed. The figures go on the coach's status (cards, profile) and into the match snapshot (rank).</summary>
internal sealed class CoachRatingChangedHandler(MatchingDbContext db) : INotificationHandler<CoachRatingChanged>
{
    public async Task Handle(CoachRatingChanged n, CancellationToken ct) =>
        await db.RetryOnRaceAsync(async c =>
        {
            var status = await ListedState.StatusAsync(db, n.CoachId, c);
            if (status.RatingAt is { } at && at > n.At) return; // an older figure arrived late
            status.RatingAverage = n.Average;
            status.RatingCount = n.Count;
            status.RatingAt = n.At;
            await db.SaveAndBumpAsync(c);
        }, ct);
}
