using System.ComponentModel.DataAnnotations;

namespace TechInterviewCoach.Messaging;

/// <summary><c>Messaging</c>: reply promise, unread emails, the background rounds and the live streams.</summary>
internal sealed class MessagingOptions
{
    public const string Section = "Messaging";

    /// <summary>How long a coach may take to answer a new conversation before it counts as overdue in their responsiveness.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")] public TimeSpan ReplyPromise { get; set; } = TimeSpan.FromHours(24);
    /// <summary>A message unread this long after it arrived earns the recipient one email.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")] public TimeSpan UnreadEmailAfter { get; set; } = TimeSpan.FromMinutes(10);
    /// <summary>At most one unread email per conversation and recipient within this window.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")] public TimeSpan UnreadEmailMinInterval { get; set; } = TimeSpan.FromHours(1);
    /// <summary>How often the background service looks for unread messages to email and overdue conversations.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")] public TimeSpan BackgroundInterval { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>Turn the background service off (tests drive it by hand).</summary>
    public bool BackgroundEnabled { get; set; } = true;
    /// <summary>How often every stream sends a keep-alive event (proxies close silent connections), and how often the instance's catch-up round looks for streams behind the database.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")] public TimeSpan StreamKeepAlive { get; set; } = TimeSpan.FromSeconds(20);
    /// <summary>What the browser waits before reconnecting a dropped stream.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")] public TimeSpan StreamRetry { get; set; } = TimeSpan.FromSeconds(2);
}
