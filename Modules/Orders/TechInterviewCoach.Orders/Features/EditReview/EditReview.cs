using System.Security.Claims;
using FluentValidation;

namespace TechInterviewCoach.Orders.Features;

/// <summary>The coachee changes their review's rating and text, within 14 days of writing it.</summary>
internal sealed record EditReview(Guid SessionId, Guid CoacheeId, int Rating, string Text) : IRequest<ReviewView>;

internal sealed class EditReviewValidator : AbstractValidator<EditReview>
{
    public EditReviewValidator()
    {
        RuleFor(x => x.Rating).InclusiveBetween(1, 5).WithMessage("Choose a rating from 1 to 5 stars.");
        RuleFor(x => x.Text).NotEmpty().WithMessage("Write a few words about the session.")
            .MaximumLength(SessionReview.MaxTextLength).WithMessage($"A review has at most {SessionReview.MaxTextLength} characters.");
    }
}

internal sealed class EditReviewHandler(OrdersDbContext db, TimeProvider time) : IRequestHandler<EditReview, ReviewView>
{
    public async Task<ReviewView> Handle(EditReview request, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var facts = await SessionFacts.LoadAsync(db, request.SessionId, request.CoacheeId, false, now.UtcDateTime, ct);
        var review = facts.Review;
        if (facts.Booking.CoacheeId != request.CoacheeId || review is null)
            throw new NotFoundException("review_not_found", "You have not reviewed this session.");
        if (!SessionCompletion.MayEditReview(review.CreatedAt, now.UtcDateTime))
            throw new ConflictException("review_edit_window_closed", $"A review can be changed for {SessionCompletion.ReviewEditWindow.TotalDays:0} days after it was written.");
        review.Rating = request.Rating;
        review.Text = request.Text.Trim();
        review.UpdatedAt = now.UtcDateTime;
        review.Version = Guid.NewGuid();
        try { await CoachRatings.SaveAndPublishAsync(db, review.CoachId, now, ct); }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("review_changed", "The review changed meanwhile; reload it and try again.");
        }
        return SessionOutcomeViews.ToView(review);
    }
}

internal static class EditReviewEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/sessions/{sessionId:guid}/review", async (Guid sessionId, WriteReviewEndpoint.Body body, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new EditReview(sessionId, user.GetUserId(), body.Rating, body.Text ?? ""), ct)))
            .RequireAuthorization(Policies.Member).RequireRateLimiting(RateLimitPolicies.Writes)
            .WithSummary("Change your review of a session (within 14 days of writing it; 409 review_edit_window_closed after).");
}
