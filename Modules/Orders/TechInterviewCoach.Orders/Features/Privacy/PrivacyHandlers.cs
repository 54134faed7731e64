using MediatR;
using Microsoft.EntityFrameworkCore;
using TechInterviewCoach.Identity.Contracts;
using TechInterviewCoach.Orders.Contracts;
using TechInterviewCoach.Orders.Data;
using TechInterviewCoach.Orders.Domain;
using TechInterviewCoach.SharedKernel;

namespace TechInterviewCoach.Orders.Features.Privacy;

internal sealed class GetDeletionBlockersHandler(OrdersDbContext db) : IRequestHandler<GetDeletionBlockers, IReadOnlyList<string>>
{
    public async Task<IReadOnlyList<string>> Handle(GetDeletionBlockers request, CancellationToken ct)
    {
        var open = await db.Orders.AsNoTracking()
            .Where(o => (o.CoacheeId == request.UserId || o.CoachId == request.UserId)
                        && (o.State == OrderState.Pending || o.State == OrderState.Processing || o.State == OrderState.Disputed))
            .OrderBy(o => o.CreatedAt).ToListAsync(ct);
        return open.Select(o => o.State switch
        {
            OrderState.Disputed => $"Order {o.Id} ({o.ListingTitle}) has an open payment dispute.",
            OrderState.Processing => $"The payment for order {o.Id} ({o.ListingTitle}) is still processing.",
            _ when o.CoacheeId == request.UserId =>
                $"Order {o.Id} ({o.ListingTitle}) is awaiting payment; pay for it or cancel the checkout on your orders page first.",
            _ => $"Order {o.Id} ({o.ListingTitle}) is awaiting the coachee's payment; it settles once they pay or cancel, or the checkout expires.",
        }).ToList();
    }
}

internal sealed class ExportOrdersDataHandler(OrdersDbContext db) : IRequestHandler<ExportOrdersData, PersonalDataPart>
{
    public async Task<PersonalDataPart> Handle(ExportOrdersData request, CancellationToken ct)
    {
        var id = request.UserId;
        var orders = await db.Orders.AsNoTracking().AsSplitQuery().Include(o => o.Bookings).Include(o => o.Refunds)
            .Where(o => o.CoacheeId == id || o.CoachId == id).OrderBy(o => o.CreatedAt).ToListAsync(ct);
        var payouts = await db.Payouts.AsNoTracking().Where(p => p.CoachId == id).OrderBy(p => p.UpdatedAt).ToListAsync(ct);
        var account = await db.PayoutAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.CoachId == id, ct);
        var reviews = await db.Reviews.AsNoTracking().Where(r => r.CoacheeId == id || r.CoachId == id).OrderBy(r => r.CreatedAt).ToListAsync(ct);
        var reports = await db.Reports.AsNoTracking().Where(r => r.CoacheeId == id || r.CoachId == id).OrderBy(r => r.CreatedAt).ToListAsync(ct);
        var data = new
        {
            orders = orders.Select(o => new
            {
                o.Id, role = o.CoacheeId == id ? "coachee" : "coach", state = o.State.ToString(), listing = o.ListingTitle, o.Currency,
                grossMinor = o.GrossMinor, platformFeeMinor = o.PlatformFeeMinor, coachNetMinor = o.CoachNetMinor, refundedMinor = o.RefundedMinor,
                o.CreatedAt, o.PaidAt,
                sessions = o.Bookings.OrderBy(b => b.StartsAt).Select(b => new { b.StartsAt, b.EndsAt, status = b.Status.ToString() }),
                refunds = o.Refunds.Select(r => new { amountMinor = r.AmountMinor, r.Reason, status = r.Status.ToString(), r.CreatedAt }),
            }),
            payoutAccount = account is null ? null : new { account.StripeAccountId, account.ChargesEnabled, account.PayoutsEnabled },
            payouts = payouts.Select(p => new { p.Id, amountMinor = p.AmountMinor, p.Currency, p.Status, p.ArrivalDate }),
            reviews = reviews.Select(r => new
            {
                r.Id, role = r.CoacheeId == id ? "author" : "coach", sessionId = r.BookingId, r.OrderId, r.Rating, r.Text, r.CreatedAt, r.UpdatedAt,
                r.Reply, r.RepliedAt, hidden = r.HiddenAt is not null, r.HiddenReason,
            }),
            sessionReports = reports.Select(r => new
            {
                r.Id, sessionId = r.BookingId, r.OrderId, reportedByYou = r.ReporterId == id, problem = r.Problem.ToString(), r.Description, r.CreatedAt,
                r.Answer, r.AnsweredAt, decision = r.Decision?.ToString(), r.DecisionNote, r.SettledAt,
            }),
        };
        return new PersonalDataPart("orders", data, []);
    }
}

/// <summary>
/// Order, session and payout records are kept for financial compliance: Orders stores no name, email or other personal
/// detail of its own (names come from Identity, which shows "Deleted user"). Held slots of the person's unpaid orders are released;
/// their public reviews stay, signed "Deleted user".
/// </summary>
internal sealed class UserDeletedHandler(OrdersDbContext db) : INotificationHandler<UserDeleted>
{
    public async Task Handle(UserDeleted notification, CancellationToken ct)
    {
        var held = await db.Bookings.Where(b => (b.CoacheeId == notification.UserId || b.CoachId == notification.UserId) && b.Status == BookingStatus.Held).ToListAsync(ct);
        foreach (var b in held) b.Status = BookingStatus.Released;
        // Their reviews stay on the coach's profile, signed "Deleted user".
        await db.Reviews.Where(r => r.CoacheeId == notification.UserId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.AuthorName, SessionReview.DeletedAuthor), ct);
        await db.SaveChangesAsync(ct);
    }
}
