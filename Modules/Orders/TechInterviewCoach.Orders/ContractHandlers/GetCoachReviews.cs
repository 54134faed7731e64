namespace TechInterviewCoach.Orders.ContractHandlers;

/// <summary>Matching asks for a coach's rating and recent visible reviews (its profile page); hidden reviews are left out.</summary>
internal sealed class GetCoachReviewsHandler(OrdersDbContext db) : IRequestHandler<GetCoachReviews, CoachReviews>
{
    public async Task<CoachReviews> Handle(GetCoachReviews request, CancellationToken ct)
    {
        var (average, count) = await CoachRatings.FiguresAsync(db, request.CoachId, ct);
        var recent = await db.Reviews.AsNoTracking().Where(r => r.CoachId == request.CoachId && r.HiddenAt == null)
            .OrderByDescending(r => r.CreatedAt).Take(Math.Clamp(request.Take, 0, 50))
            .Select(r => new PublicReview(r.Id, r.Rating, r.Text, r.AuthorName, r.CreatedAt, r.Reply, r.RepliedAt)).ToListAsync(ct);
        return new CoachReviews(average, count, recent);
    }
}
