namespace TechInterviewCoach.Orders.Features;

/// <summary>
/// Sends the reminders that are due: 24 hours and 1 hour before each booked session, to both sides, through the outbox.
/// Each reminder is claimed by a conditional update of the session (its marker holds the start it was sent for) in the
/// same transaction as the outbox message, so it goes once even with two app instances; a cancelled session gets none,
/// a moved one gets its reminders again for the new time. Answers how many reminders were written.
/// </summary>
internal sealed record SendSessionReminders : IRequest<int>;

internal sealed class SendSessionRemindersHandler(OrdersDbContext db, SessionNotifier notifier, TimeProvider time) : IRequestHandler<SendSessionReminders, int>
{
    public async Task<int> Handle(SendSessionReminders request, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var in1 = now.AddHours(1);
        var in24 = now.AddHours(24);
        var due = await db.Bookings.AsNoTracking()
            .Where(b => b.Status == BookingStatus.Booked && b.StartsAt > now && b.StartsAt <= in24
                        && ((b.StartsAt <= in1 && (b.Reminder1For == null || b.Reminder1For != b.StartsAt))
                            || (b.StartsAt > in1 && (b.Reminder24For == null || b.Reminder24For != b.StartsAt))))
            .OrderBy(b => b.StartsAt).Take(200).Select(b => new { b.Id, b.StartsAt, b.OrderId }).ToListAsync(ct);
        var sent = 0;
        foreach (var d in due)
        {
            var hours = d.StartsAt <= in1 ? 1 : 24;
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var claimed = hours == 1
                ? await db.Bookings.Where(b => b.Id == d.Id && b.Status == BookingStatus.Booked && b.StartsAt == d.StartsAt && (b.Reminder1For == null || b.Reminder1For != d.StartsAt))
                    .ExecuteUpdateAsync(s => s.SetProperty(b => b.Reminder1For, d.StartsAt), ct)
                : await db.Bookings.Where(b => b.Id == d.Id && b.Status == BookingStatus.Booked && b.StartsAt == d.StartsAt && (b.Reminder24For == null || b.Reminder24For != d.StartsAt))
                    .ExecuteUpdateAsync(s => s.SetProperty(b => b.Reminder24For, d.StartsAt), ct);
            if (claimed == 0) continue; // another instance sent it, or the session moved or was cancelled meanwhile
            var order = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == d.OrderId, ct);
            var booking = await db.Bookings.AsNoTracking().SingleAsync(b => b.Id == d.Id, ct);
            await notifier.ReminderAsync(order, booking, hours, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
            sent++;
        }
        return sent;
    }
}
