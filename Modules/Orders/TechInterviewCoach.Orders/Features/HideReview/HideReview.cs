using System.Security.Claims;
using FluentValidation;

namespace TechInterviewCoach.Orders.Features;

/// <summary>An admin hides a review with a reason: it leaves the coach's profile and no longer counts in the rating.</summary>
internal sealed record HideReview(Guid ReviewId, Guid AdminId, string Reason) : IRequest<ReviewView>;

internal sealed class HideReviewValidator : AbstractValidator<HideReview>
{
    public HideReviewValidator() =>
        RuleFor(x => x.Reason).NotEmpty().WithMessage("Give the reason for hiding the review.").MaximumLength(500);
}

internal sealed class HideReviewHandler(OrdersDbContext db, TimeProvider time) : IRequestHandler<HideReview, ReviewView>
{
    public async Task<ReviewView> Handle(HideReview request, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var review = await db.Reviews.SingleOrDefaultAsync(r => r.Id == request.ReviewId, ct)
                     ?? throw new NotFoundException("review_not_found", "This review does not exist.");
        if (review.HiddenAt is not null) throw new ConflictException("review_already_hidden", "This review is already hidden.");
        review.HiddenAt = now.UtcDateTime;
        review.HiddenReason = request.Reason.Trim();
        review.HiddenBy = request.AdminId;
        review.Version = Guid.NewGuid();
        var order = await db.Orders.SingleAsync(o => o.Id == review.OrderId, ct);
        order.Record(now.UtcDateTime, "admin:" + request.AdminId, $"Review ({review.Rating}/5) hidden: {review.HiddenReason}", null);
        try { await CoachRatings.SaveAndPublishAsync(db, review.CoachId, now, ct); }
        catch (DbUpdateConcurrencyException) { throw new ConflictException("review_changed", "The review changed meanwhile; reload it and try again."); }
        return SessionOutcomeViews.ToView(review);
    }
}

internal static class HideReviewEndpoint
{
    public sealed record Body(string? Reason);

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/admin/reviews/{reviewId:guid}/hide", async (Guid reviewId, Body body, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new HideReview(reviewId, user.GetUserId(), body.Reason ?? ""), ct)))
            .RequireAuthorization(Policies.Admin).RequireRateLimiting(RateLimitPolicies.Writes)
            .WithSummary("Hide a review with a reason (admin): it leaves the coach's profile and rating.");
}
