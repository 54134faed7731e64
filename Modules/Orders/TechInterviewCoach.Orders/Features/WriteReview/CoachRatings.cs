namespace TechInterviewCoach.Orders.Features;

/// <summary>Saves a change to a coach's reviews and, in the same transaction, puts the coach's new figures in the outbox.</summary>
internal static class CoachRatings
{
    public static async Task SaveAndPublishAsync(OrdersDbContext db, Guid coachId, DateTimeOffset now, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        var (average, count) = await FiguresAsync(db, coachId, ct);
        db.Enqueue(new CoachRatingChanged(coachId, average, count, now.UtcDateTime), now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>The average of the coach's visible reviews (two decimals) and their number.</summary>
    public static async Task<(double Average, int Count)> FiguresAsync(OrdersDbContext db, Guid coachId, CancellationToken ct)
    {
        var ratings = await db.Reviews.AsNoTracking().Where(r => r.CoachId == coachId && r.HiddenAt == null).Select(r => r.Rating).ToListAsync(ct);
        return ratings.Count == 0 ? (0, 0) : (Math.Round(ratings.Average(), 2), ratings.Count);
    }
}
