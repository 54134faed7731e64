namespace TechInterviewCoach.Orders.ContractHandlers;

/// <summary>
/// Identity's start page asks what waits for the person after their sessions: a completed session to review (coachee), a
/// review to reply to (coach), a problem the other party reported to answer. Completion is computed from the clock.
/// </summary>
internal sealed class GetSessionFollowUpsHandler(OrdersDbContext db, TimeProvider time) : IRequestHandler<GetSessionFollowUps, IReadOnlyList<SessionFollowUp>>
{
    public async Task<IReadOnlyList<SessionFollowUp>> Handle(GetSessionFollowUps request, CancellationToken ct)
    {
        var me = request.UserId;
        var take = Math.Clamp(request.Take, 1, 50);
        var completedBefore = time.GetUtcNow().UtcDateTime - SessionCompletion.ReportWindow;
        var toReview = await (
                from b in db.Bookings.AsNoTracking()
                join o in db.Orders.AsNoTracking() on b.OrderId equals o.Id
                where b.CoacheeId == me && b.Status == BookingStatus.Booked && b.EndsAt <= completedBefore
                      && (o.State == OrderState.Paid || o.State == OrderState.PartiallyRefunded)
                      && !db.Reviews.Any(r => r.BookingId == b.Id)
                      && !db.Reports.Any(r => r.BookingId == b.Id
                                              && (r.Decision == null || r.Decision == ReportDecision.Refund || r.Problem == SessionProblem.CoacheeNoShow))
                orderby b.StartsAt
                select new { b.Id, b.StartsAt, b.CoachId, o.ListingTitle })
            .Take(take).ToListAsync(ct);
        var toReply = await (
                from r in db.Reviews.AsNoTracking()
                join b in db.Bookings.AsNoTracking() on r.BookingId equals b.Id
                join o in db.Orders.AsNoTracking() on r.OrderId equals o.Id
                where r.CoachId == me && r.Reply == null && r.HiddenAt == null
                orderby r.CreatedAt
                select new { b.Id, b.StartsAt, b.CoacheeId, o.ListingTitle })
            .Take(take).ToListAsync(ct);
        var toAnswer = await (
                from r in db.Reports.AsNoTracking()
                join b in db.Bookings.AsNoTracking() on r.BookingId equals b.Id
                join o in db.Orders.AsNoTracking() on r.OrderId equals o.Id
                where (r.CoachId == me || r.CoacheeId == me) && r.ReporterId != me && r.Answer == null && r.Decision == null
                orderby r.CreatedAt
                select new { b.Id, b.StartsAt, b.CoachId, b.CoacheeId, o.ListingTitle })
            .Take(take).ToListAsync(ct);
        return toAnswer.Select(x => new SessionFollowUp("answer_report", x.Id, x.StartsAt, x.CoachId == me ? x.CoacheeId : x.CoachId, x.ListingTitle, $"/sessions/{x.Id}/report"))
            .Concat(toReview.Select(x => new SessionFollowUp("write_review", x.Id, x.StartsAt, x.CoachId, x.ListingTitle, $"/sessions/{x.Id}/review")))
            .Concat(toReply.Select(x => new SessionFollowUp("reply_review", x.Id, x.StartsAt, x.CoacheeId, x.ListingTitle, $"/sessions/{x.Id}/review")))
            .Take(take).ToList();
    }
}
