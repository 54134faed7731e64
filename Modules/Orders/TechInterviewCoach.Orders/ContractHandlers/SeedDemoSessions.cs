using TechInterviewCoach.Identity.Contracts;

namespace TechInterviewCoach.Orders.ContractHandlers;

/// <summary>
/// Development demo data: the demo coachee's past, paid sessions (simulated payments) with three coaches. The first
/// coach has three reviews (one with a reply), the second one; with the third, one session is completed and waits for a
/// review (the coachee's start page shows it) and one ended three hours ago (a problem can still be reported). Matching
/// gets the coaches' figures through the outbox like any review.
/// </summary>
internal sealed class SeedDemoSessions(OrdersDbContext db, TimeProvider time) : INotificationHandler<DemoUsersCreated>
{
    private static readonly (int Coach, double DaysAgo, int Rating, string Text, string? Reply)[] Sessions =
    [
        (0, 24, 5, "Clear structure for the system design round and honest feedback on where I rambled. The follow-up plan was gold.", "Thank you! Good luck with the onsite."),
        (0, 17, 5, "Second mock went much better; we drilled capacity estimates until they felt natural.", null),
        (0, 10, 4, "Very useful behavioural practice. I would have liked a bit more time on the STAR stories.", null),
        (1, 8, 5, "Realistic coding interview with a kind but demanding interviewer. Exactly what I needed.", null),
        (2, 4, 0, "", null),
        (2, 0.17, 0, "", null),
    ];

    private const string DemoKey = "demo-";

    public async Task Handle(DemoUsersCreated n, CancellationToken ct)
    {
        var coachee = n.Users.FirstOrDefault(u => u.Role == Roles.Coachee);
        var coaches = n.Users.Where(u => u.Role == Roles.Coach).OrderBy(u => u.Index).ToList();
        if (coachee is null || coaches.Count < 3 || await db.Orders.AnyAsync(o => o.CoacheeId == coachee.Id && o.IdempotencyKey.StartsWith(DemoKey), ct)) return;
        var now = time.GetUtcNow();
        DateTime Start(double daysAgo)
        {
            var at = now.UtcDateTime.AddDays(-daysAgo);
            return new DateTime(at.Year, at.Month, at.Day, at.Hour, 0, 0, DateTimeKind.Utc);
        }
        foreach (var group in Sessions.GroupBy(s => s.Coach))
        {
            var coach = coaches[group.Key];
            var items = group.ToList();
            var first = Start(items[0].DaysAgo);
            var gross = 12000L * items.Count;
            var fee = (gross * 15 + 50) / 100;
            var order = new Order
            {
                Id = Guid.CreateVersion7(), CoachId = coach.Id, CoacheeId = coachee.Id, ListingId = Guid.NewGuid(),
                ListingTitle = items.Count > 1 ? $"Interview prep package ({items.Count} sessions)" : "Mock interview", Sessions = items.Count,
                SessionMinutes = 60, Currency = "USD", GrossMinor = gross, PlatformFeeMinor = fee, CoachNetMinor = gross - fee, State = OrderState.Paid,
                IdempotencyKey = DemoKey + Guid.NewGuid().ToString("N"), DestinationAccountId = SimulatedStripe.AccountIdFor(coach.Id),
                CheckoutSessionId = "cs_demo_" + Guid.NewGuid().ToString("N")[..16], PaymentIntentId = "pi_demo_" + Guid.NewGuid().ToString("N")[..16],
                CreatedAt = first.AddDays(-3), UpdatedAt = first.AddDays(-3), PaidAt = first.AddDays(-3), Version = Guid.NewGuid(),
            };
            order.Record(first.AddDays(-3), "system", "Demo data: paid with the payment simulator", null, OrderState.Paid);
            db.Orders.Add(order);
            foreach (var s in items)
            {
                var starts = Start(s.DaysAgo);
                var booking = new Booking
                {
                    Id = Guid.CreateVersion7(), OrderId = order.Id, CoachId = coach.Id, CoacheeId = coachee.Id, StartsAt = starts, EndsAt = starts.AddMinutes(60),
                    Status = BookingStatus.Booked, CreatedAt = order.CreatedAt,
                };
                order.Bookings.Add(booking);
                if (s.Rating == 0) continue;
                var written = booking.EndsAt + SessionCompletion.ReportWindow + TimeSpan.FromHours(3);
                db.Reviews.Add(new SessionReview
                {
                    Id = Guid.CreateVersion7(), BookingId = booking.Id, OrderId = order.Id, CoachId = coach.Id, CoacheeId = coachee.Id,
                    AuthorName = SessionReview.ShortName(coachee.DisplayName), Rating = s.Rating, Text = s.Text, CreatedAt = written, UpdatedAt = written,
                    Reply = s.Reply, RepliedAt = s.Reply is null ? null : written.AddHours(5), Version = Guid.NewGuid(),
                });
            }
        }
        await db.SaveChangesAsync(ct);
        foreach (var coachId in Sessions.Where(s => s.Rating > 0).Select(s => coaches[s.Coach].Id).Distinct())
        {
            var (average, count) = await CoachRatings.FiguresAsync(db, coachId, ct);
            db.Enqueue(new CoachRatingChanged(coachId, average, count, now.UtcDateTime), now);
        }
        await db.SaveChangesAsync(ct);
    }
}
