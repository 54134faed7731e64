namespace TechInterviewCoach.Orders.Features;

internal static class PayoutAccounts
{
    /// <summary>Takes Stripe's view of the account; when payability changes, tells Matching through the outbox.</summary>
    public static void Apply(OrdersDbContext db, PayoutAccount row, StripeAccount account, DateTime asOf, DateTime now)
    {
        var before = row.Payable;
        row.ChargesEnabled = account.ChargesEnabled;
        row.PayoutsEnabled = account.PayoutsEnabled;
        row.DetailsSubmitted = account.DetailsSubmitted;
        var due = string.Join(",", account.CurrentlyDue);
        row.RequirementsDue = due.Length > 1900 ? due[..1900] : due;
        row.StateAsOf = asOf > row.StateAsOf ? asOf : row.StateAsOf;
        row.UpdatedAt = now;
        if (before != row.Payable)
            db.Enqueue(new CoachPayoutStatusChanged(row.CoachId, row.Payable, now), new DateTimeOffset(now));
    }
}
