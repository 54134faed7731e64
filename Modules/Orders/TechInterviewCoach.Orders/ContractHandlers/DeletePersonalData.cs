using TechInterviewCoach.Identity.Contracts;

namespace TechInterviewCoach.Orders.ContractHandlers;

// Orders' part of deleting an account: what blocks it (unpaid or disputed orders), and what happens once it is deleted.
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
