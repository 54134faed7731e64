using System.Security.Claims;
using FluentValidation;
using TechInterviewCoach.BuildingBlocks.Persistence;
using TechInterviewCoach.Identity.Contracts;

namespace TechInterviewCoach.Orders.Features;

/// <summary>The coachee rates a completed session 1–5 and writes a public review (one per session).</summary>
internal sealed record WriteReview(Guid SessionId, Guid CoacheeId, int Rating, string Text) : IRequest<ReviewView>;

internal sealed class WriteReviewValidator : AbstractValidator<WriteReview>
{
    public WriteReviewValidator()
    {
        RuleFor(x => x.Rating).InclusiveBetween(1, 5).WithMessage("Choose a rating from 1 to 5 stars.");
        RuleFor(x => x.Text).NotEmpty().WithMessage("Write a few words about the session.")
            .MaximumLength(SessionReview.MaxTextLength).WithMessage($"A review has at most {SessionReview.MaxTextLength} characters.");
    }
}

internal sealed class WriteReviewHandler(OrdersDbContext db, TimeProvider time, IMediator mediator) : IRequestHandler<WriteReview, ReviewView>
{
    public async Task<ReviewView> Handle(WriteReview request, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var facts = await SessionFacts.LoadAsync(db, request.SessionId, request.CoacheeId, false, now.UtcDateTime, ct);
        if (facts.Booking.CoacheeId != request.CoacheeId)
            throw new ForbiddenException("only_coachee_reviews", "Only the coachee of a session can review it.");
        if (facts.Review is not null)
            throw new ConflictException("review_exists", "You already reviewed this session; edit your review instead.").With("reviewId", facts.Review.Id);
        if (facts.Outcome != SessionOutcome.Completed)
            throw new ConflictException("session_not_completed",
                $"You can review a session once it is completed (48 hours after it ends, unless a problem is reported). Now: {SessionCompletion.Label(facts.Outcome)}.");
        var me = await mediator.Send(new GetUserSummary(request.CoacheeId), ct);
        var review = new SessionReview
        {
            Id = Guid.CreateVersion7(), BookingId = facts.Booking.Id, OrderId = facts.Order.Id, CoachId = facts.Booking.CoachId,
            CoacheeId = request.CoacheeId, AuthorName = SessionReview.ShortName(me?.DisplayName), Rating = request.Rating, Text = request.Text.Trim(),
            CreatedAt = now.UtcDateTime, UpdatedAt = now.UtcDateTime, Version = Guid.NewGuid(),
        };
        db.Reviews.Add(review);
        try { await CoachRatings.SaveAndPublishAsync(db, review.CoachId, now, ct); }
        catch (DbUpdateException e) when (Concurrency.IsUniqueViolation(e))
        {
            throw new ConflictException("review_exists", "You already reviewed this session; edit your review instead.");
        }
        return SessionOutcomeViews.ToView(review);
    }
}

internal static class WriteReviewEndpoint
{
    public sealed record Body(int Rating, string? Text);

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/sessions/{sessionId:guid}/review", async (Guid sessionId, Body body, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
            {
                var review = await m.Send(new WriteReview(sessionId, user.GetUserId(), body.Rating, body.Text ?? ""), ct);
                return TypedResults.Created($"/api/orders/sessions/{sessionId}/outcome", review);
            })
            .RequireAuthorization(Policies.Member).RequireRateLimiting(RateLimitPolicies.Writes)
            .WithSummary("Review a completed session (coachee, once): rating 1–5 and text. Reviews are public. 409 session_not_completed / review_exists.");
}
