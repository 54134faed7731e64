using Microsoft.EntityFrameworkCore;
using TechInterviewCoach.Messaging.Contracts;
using TechInterviewCoach.Messaging.Data;

namespace TechInterviewCoach.Messaging.Features.Responsiveness;

/// <summary>
/// A coach's responsiveness for Matching's rank: the median minutes from a conversation's start to the coach's
/// first reply, over answered conversations, and how many open conversations wait past the promised reply time.
/// </summary>
internal static class ResponsivenessMeasure
{
    /// <param name="pending">A conversation changed in this unit of work but not saved yet (its values win over the database's).</param>
    public static async Task<CoachResponsivenessMeasured> MeasureAsync(
        MessagingDbContext db, Guid coachId, DateTime now, TimeSpan promise, Conversation? pending, CancellationToken ct)
    {
        var rows = await db.Conversations.AsNoTracking()
            .Where(c => c.CoachId == coachId)
            .Select(c => new { c.Id, c.StartedAt, c.FirstReplyAt, c.ClosedAt, c.BlockedBy })
            .ToListAsync(ct);
        var conversations = rows.Select(r => (r.Id, r.StartedAt, r.FirstReplyAt, Open: r.ClosedAt == null && r.BlockedBy == null)).ToList();
        if (pending is not null)
        {
            conversations.RemoveAll(c => c.Id == pending.Id);
            conversations.Add((pending.Id, pending.StartedAt, pending.FirstReplyAt, !pending.IsClosed && !pending.IsBlocked));
        }
        var minutes = conversations.Where(c => c.FirstReplyAt != null)
            .Select(c => Math.Max(0, (c.FirstReplyAt!.Value - c.StartedAt).TotalMinutes)).OrderBy(m => m).ToList();
        var overdue = conversations.Count(c => c.FirstReplyAt == null && c.Open && c.StartedAt + promise < now);
        return new CoachResponsivenessMeasured(coachId, Median(minutes), minutes.Count, overdue, now);
    }

    public static double? Median(IReadOnlyList<double> sorted)
    {
        if (sorted.Count == 0) return null;
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
