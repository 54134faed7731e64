using System.Security.Claims;

namespace TechInterviewCoach.Orders.Features;

/// <summary>One session as one of its two people sees it: the time, the other person, where to meet (once paid), what they can do.</summary>
internal sealed record ShowSession(Guid SessionId, Guid ViewerId) : IRequest<SessionDetails>;

/// <param name="MeetingUrl">Only while the session is booked on a paid order.</param>
/// <param name="FreeMoveUntil">Until when the coachee moves or cancels it without the coach (the cancellation notice).</param>
/// <param name="ProposedBy">"coach" or "coachee" when a new time waits for an answer.</param>
internal sealed record SessionDetails(Guid Id, Guid OrderId, string ListingTitle, DateTime StartsAt, DateTime EndsAt, int Minutes, string Status,
    bool ViewerIsCoach, Guid OtherPersonId, string OtherPersonName, string? MeetingUrl, int Sequence, DateTime FreeMoveUntil, int CancellationNoticeHours,
    DateTime? ProposedStartsAt, string? ProposedBy, bool CanAnswerProposal, bool CanChange);

internal sealed class ShowSessionHandler(OrdersDbContext db, OrderNotifier people, TimeProvider time, IOptions<OrdersOptions> options)
    : IRequestHandler<ShowSession, SessionDetails>
{
    public async Task<SessionDetails> Handle(ShowSession request, CancellationToken ct)
    {
        var b = await db.Bookings.AsNoTracking().SingleOrDefaultAsync(x => x.Id == request.SessionId && (x.CoachId == request.ViewerId || x.CoacheeId == request.ViewerId), ct)
                ?? throw new NotFoundException("session_not_found", "This session does not exist.");
        var order = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == b.OrderId, ct);
        var isCoach = b.CoachId == request.ViewerId;
        var other = isCoach ? b.CoacheeId : b.CoachId;
        var names = await people.PeopleAsync([other], ct);
        var booked = b.Status == BookingStatus.Booked && OrderStates.IsPaid(order.State);
        var notice = options.Value.CancellationNoticeHours;
        var now = time.GetUtcNow().UtcDateTime;
        var me = isCoach ? "coach" : "coachee";
        return new SessionDetails(b.Id, b.OrderId, order.ListingTitle, b.StartsAt, b.EndsAt, order.SessionMinutes, b.Status.ToString(), isCoach, other,
            OrderNotifier.Name(names, other), booked ? b.MeetingUrl : null, b.Sequence, b.StartsAt.AddHours(-notice), notice,
            b.ProposedStartsAt, b.ProposedBy, booked && b.ProposedBy is { } by && by != me && b.StartsAt > now, booked && b.StartsAt > now);
    }
}

internal static class ShowSessionEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/sessions/{sessionId:guid}", async (Guid sessionId, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ShowSession(sessionId, user.GetUserId()), ct)))
            .RequireAuthorization(Policies.Member)
            .WithSummary("A session of yours: time, the other person, the meeting link once paid, a proposed new time.");
}
