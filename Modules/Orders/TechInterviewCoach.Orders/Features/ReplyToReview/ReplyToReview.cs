using System.Security.Claims;
using FluentValidation;

namespace TechInterviewCoach.Orders.Features;

/// <summary>The coach replies to the review of one of their sessions, once; the reply is public beside the review.</summary>
internal sealed record ReplyToReview(Guid SessionId, Guid CoachId, string Text) : IRequest<ReviewView>;

internal sealed class ReplyToReviewValidator : AbstractValidator<ReplyToReview>
{
    public ReplyToReviewValidator() =>
        RuleFor(x => x.Text).NotEmpty().WithMessage("Write your reply.")
            .MaximumLength(SessionReview.MaxTextLength).WithMessage($"A reply has at most {SessionReview.MaxTextLength} characters.");
}

internal sealed class ReplyToReviewHandler(OrdersDbContext db, TimeProvider time) : IRequestHandler<ReplyToReview, ReviewView>
{
    public async Task<ReviewView> Handle(ReplyToReview request, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var facts = await SessionFacts.LoadAsync(db, request.SessionId, request.CoachId, false, now, ct);
        var review = facts.Review;
        if (facts.Booking.CoachId != request.CoachId || review is null)
            throw new NotFoundException("review_not_found", "This session has no review to reply to.");
        if (review.Reply is not null) throw new ConflictException("reply_exists", "You already replied to this review.");
        review.Reply = request.Text.Trim();
        review.RepliedAt = now;
        review.Version = Guid.NewGuid();
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw new ConflictException("reply_exists", "You already replied to this review."); }
        return SessionOutcomeViews.ToView(review);
    }
}

internal static class ReplyToReviewEndpoint
{
    public sealed record Body(string? Text);

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/sessions/{sessionId:guid}/review/reply", async (Guid sessionId, Body body, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ReplyToReview(sessionId, user.GetUserId(), body.Text ?? ""), ct)))
            .RequireAuthorization(Policies.Member).RequireRateLimiting(RateLimitPolicies.Writes)
            .WithSummary("Reply to the review of your session (coach, once; 409 reply_exists).");
}
