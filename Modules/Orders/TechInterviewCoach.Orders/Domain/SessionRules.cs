namespace TechInterviewCoach.Orders.Domain;

/// <summary>
/// How many sessions of an order are still to book, and what a number of them is worth (decision 0018):
/// every session of an order is worth the same share, the price divided by the number of sessions, rounded down to a
/// whole minor unit; booked, held and cancelled sessions are used; refunded unused ones are gone.
/// </summary>
internal static class SessionRules
{
    public static int Used(Order order) =>
        order.Bookings.Count(b => b.Status is BookingStatus.Held or BookingStatus.Booked or BookingStatus.Cancelled);

    /// <summary>Sessions the coachee can still book (never below zero).</summary>
    public static int Unbooked(Order order) => Math.Max(0, order.Sessions - Used(order) - order.UnusedRefundedSessions);

    /// <summary>The refund for <paramref name="sessions"/> unused sessions: floor(price × sessions ÷ all sessions).</summary>
    public static long ShareMinor(Order order, int sessions) => order.Sessions <= 0 ? 0 : order.GrossMinor * sessions / order.Sessions;

    public static bool Expired(Order order, DateTime nowUtc) => order.ValidUntil is { } until && nowUtc >= until;
}
