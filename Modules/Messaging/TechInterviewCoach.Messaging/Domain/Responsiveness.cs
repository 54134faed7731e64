namespace TechInterviewCoach.Messaging.Domain;

/// <summary>
/// A coach's responsiveness for Matching's rank: the median minutes from a conversation's start to the coach's
/// first reply, over answered conversations, and how many open conversations wait past the promised reply time.
/// </summary>
internal static class Responsiveness
{
    public readonly record struct Wait(Guid ConversationId, DateTime StartedAt, DateTime? FirstReplyAt, bool Open);

    public static CoachResponsivenessMeasured Measure(Guid coachId, IEnumerable<Wait> conversations, DateTime now, TimeSpan promise)
    {
        var all = conversations.ToList();
        var minutes = all.Where(c => c.FirstReplyAt != null)
            .Select(c => Math.Max(0, (c.FirstReplyAt!.Value - c.StartedAt).TotalMinutes)).OrderBy(m => m).ToList();
        var overdue = all.Count(c => c.FirstReplyAt == null && c.Open && c.StartedAt + promise < now);
        return new CoachResponsivenessMeasured(coachId, Median(minutes), minutes.Count, overdue, now);
    }

    public static double? Median(IReadOnlyList<double> sorted)
    {
        if (sorted.Count == 0) return null;
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
