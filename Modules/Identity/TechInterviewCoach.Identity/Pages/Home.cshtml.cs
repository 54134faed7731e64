using TechInterviewCoach.Matching.Contracts;
using TechInterviewCoach.Messaging.Contracts;
using TechInterviewCoach.Orders.Contracts;

namespace TechInterviewCoach.Identity.Pages;

/// <summary>
/// Where a signed-in person lands: a coachee's next steps (quiz, CV, matches) and a coach's conversations waiting for a
/// reply and next bookings. Admins are sent on to the admin index. Each part comes from its module's contract.
/// </summary>
[Authorize(Policy = Policies.Member)]
internal sealed class HomeModel(IMediator mediator) : PageModel
{
    public sealed record Waiting(Guid ConversationId, string Name, int Unread, DateTime LastMessageAt);
    public sealed record Session(Guid OrderId, DateTime StartsAt, int Minutes, string With, string ListingTitle, bool AsCoach,
        Guid SessionId = default, string? MeetingUrl = null, DateTime? ProposedStartsAt = null, bool AwaitsYourAnswer = false);
    /// <summary>After a session: a review to write, a review to reply to, a reported problem to answer (Orders' follow-ups).</summary>
    public sealed record FollowUp(string Kind, string Link, DateTime StartsAt, string With, string ListingTitle);

    public string DisplayName { get; private set; } = "";
    public bool IsCoach { get; private set; }
    public bool IsCoachee { get; private set; }
    public CoacheeProgress? Progress { get; private set; }
    public IReadOnlyList<Waiting> ConversationsWaiting { get; private set; } = [];
    public IReadOnlyList<Session> NextSessions { get; private set; } = [];
    public IReadOnlyList<SessionsToBook> ToBook { get; private set; } = [];
    public IReadOnlyList<FollowUp> FollowUps { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        if (User.IsInRole(Roles.Admin) && !User.IsInRole(Roles.Coach) && !User.IsInRole(Roles.Coachee)) return LocalRedirect("/admin");
        var me = User.GetUserId();
        IsCoach = User.IsInRole(Roles.Coach);
        IsCoachee = User.IsInRole(Roles.Coachee);
        if (IsCoachee) Progress = await mediator.Send(new GetCoacheeProgress(me), ct);
        var waiting = await mediator.Send(new GetConversationsWaiting(me, 10), ct);
        var sessions = await mediator.Send(new GetUpcomingSessions(me, 5), ct);
        var followUps = await mediator.Send(new GetSessionFollowUps(me, 10), ct);
        var ids = waiting.Select(w => w.OtherPartyId).Concat(sessions.Select(s => s.CoachId == me ? s.CoacheeId : s.CoachId))
            .Concat(followUps.Select(f => f.OtherPartyId)).Append(me).Distinct().ToList();
        var people = await mediator.Send(new GetUserSummaries(ids), ct);
        string Name(Guid id) => people.TryGetValue(id, out var p) && !p.IsDeleted ? p.DisplayName : "Deleted user";
        DisplayName = Name(me);
        ConversationsWaiting = waiting.Select(w => new Waiting(w.ConversationId, Name(w.OtherPartyId), w.Unread, w.LastMessageAt)).ToList();
        FollowUps = followUps.Select(f => new FollowUp(f.Kind, f.Link, f.StartsAt, Name(f.OtherPartyId), f.ListingTitle)).ToList();
        NextSessions = sessions.Select(s => new Session(s.OrderId, s.StartsAt, s.Minutes, Name(s.CoachId == me ? s.CoacheeId : s.CoachId), s.ListingTitle, s.CoachId == me,
            s.SessionId, s.MeetingUrl, s.ProposedStartsAt, s.AwaitsYourAnswer)).ToList();
        if (IsCoachee) ToBook = await mediator.Send(new GetSessionsToBook(me), ct);
        return Page();
    }
}
