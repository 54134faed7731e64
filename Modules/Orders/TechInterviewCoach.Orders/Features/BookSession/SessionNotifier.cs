using TechInterviewCoach.Integrations.Contracts;

namespace TechInterviewCoach.Orders.Features;

/// <summary>
/// The emails of a session's life, to both sides, each in their own zone, written to the outbox in the same transaction as
/// the change. Booked, moved, reminded and cancelled emails carry the session's calendar invite (UID from the session id,
/// its SEQUENCE); each links to the session's page.
/// </summary>
internal sealed class SessionNotifier(OrdersDbContext db, TimeProvider time, OrderNotifier people)
{
    private DateTimeOffset Now => time.GetUtcNow();

    public static SessionInvite Invite(Order order, Booking b) =>
        new(b.Id, b.Sequence, order.ListingTitle, b.StartsAt, order.SessionMinutes, b.MeetingUrl ?? "");

    private static IEnumerable<(Guid To, Guid Other)> BothSides(Order order) => [(order.CoacheeId, order.CoachId), (order.CoachId, order.CoacheeId)];

    public async Task ScheduledAsync(Order order, Booking booking, bool moved, CancellationToken ct)
    {
        var names = await people.PeopleAsync([order.CoachId, order.CoacheeId], ct);
        foreach (var (to, other) in BothSides(order))
            db.Enqueue(new SendEmail(to, null, new SessionScheduledEmail(order.Id, OrderNotifier.Name(names, other), await people.ZoneAsync(names, to, ct), moved,
                Invite(order, booking)), $"/sessions/{booking.Id}"), Now);
    }

    public async Task CalledOffAsync(Order order, Booking booking, string byWhom, long refundMinor, CancellationToken ct)
    {
        var names = await people.PeopleAsync([order.CoachId, order.CoacheeId], ct);
        foreach (var (to, other) in BothSides(order))
            db.Enqueue(new SendEmail(to, null, new SessionCalledOffEmail(order.Id, OrderNotifier.Name(names, other), await people.ZoneAsync(names, to, ct), byWhom,
                new Money(refundMinor, order.Currency), Invite(order, booking)), $"/orders/{order.Id}"), Now);
    }

    public async Task ReminderAsync(Order order, Booking booking, int hoursBefore, CancellationToken ct)
    {
        var names = await people.PeopleAsync([order.CoachId, order.CoacheeId], ct);
        foreach (var (to, other) in BothSides(order))
            db.Enqueue(new SendEmail(to, null, new SessionReminderEmail(order.Id, OrderNotifier.Name(names, other), await people.ZoneAsync(names, to, ct), hoursBefore,
                Invite(order, booking)), $"/sessions/{booking.Id}"), Now);
    }

    public async Task ProposedAsync(Order order, Booking booking, Guid to, CancellationToken ct)
    {
        var other = to == order.CoachId ? order.CoacheeId : order.CoachId;
        var names = await people.PeopleAsync([order.CoachId, order.CoacheeId], ct);
        db.Enqueue(new SendEmail(to, null, new RescheduleProposedEmail(order.Id, OrderNotifier.Name(names, other), booking.StartsAt,
            booking.ProposedStartsAt!.Value, await people.ZoneAsync(names, to, ct)), $"/sessions/{booking.Id}"), Now);
    }

    public async Task DeclinedAsync(Order order, Booking booking, Guid to, CancellationToken ct)
    {
        var other = to == order.CoachId ? order.CoacheeId : order.CoachId;
        var names = await people.PeopleAsync([order.CoachId, order.CoacheeId], ct);
        db.Enqueue(new SendEmail(to, null, new RescheduleDeclinedEmail(order.Id, OrderNotifier.Name(names, other), booking.StartsAt,
            await people.ZoneAsync(names, to, ct)), $"/sessions/{booking.Id}"), Now);
    }

    /// <summary>To the person who did not report it.</summary>
    public async Task ProblemReportedAsync(Order order, Booking booking, Guid reporterId, string problem, CancellationToken ct)
    {
        var to = reporterId == order.CoachId ? order.CoacheeId : order.CoachId;
        var names = await people.PeopleAsync([order.CoachId, order.CoacheeId], ct);
        db.Enqueue(new SendEmail(to, null, new SessionProblemReportedEmail(order.Id, OrderNotifier.Name(names, reporterId), booking.StartsAt,
            await people.ZoneAsync(names, to, ct), problem), $"/sessions/{booking.Id}/report"), Now);
    }

    public async Task ReportSettledAsync(Order order, Booking booking, long refundMinor, CancellationToken ct)
    {
        var names = await people.PeopleAsync([order.CoachId, order.CoacheeId], ct);
        foreach (var (to, _) in BothSides(order))
            db.Enqueue(new SendEmail(to, null, new SessionReportSettledEmail(order.Id, booking.StartsAt, await people.ZoneAsync(names, to, ct),
                new Money(refundMinor, order.Currency)), $"/sessions/{booking.Id}/report"), Now);
    }
}
