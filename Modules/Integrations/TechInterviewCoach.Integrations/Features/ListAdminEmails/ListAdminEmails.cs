using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace TechInterviewCoach.Integrations.Features;

/// <summary>One line of the admin "Emails" page: who (display name, never the address), what, and how it went.</summary>
internal sealed record AdminEmailRow(
    Guid Id,
    Guid OutboxMessageId,
    string Template,
    string Subject,
    Guid? RecipientUserId,
    string Recipient,
    EmailStatus Status,
    string StatusText,
    int Attempts,
    string? LastError,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? SentAt);

internal sealed record ListAdminEmails(EmailStatus? Status, int Take = 200) : IRequest<IReadOnlyList<AdminEmailRow>>;

internal sealed class ListAdminEmailsHandler(IntegrationsDbContext db, IMediator mediator) : IRequestHandler<ListAdminEmails, IReadOnlyList<AdminEmailRow>>
{
    public async Task<IReadOnlyList<AdminEmailRow>> Handle(ListAdminEmails request, CancellationToken cancellationToken)
    {
        var query = db.Emails.AsNoTracking();
        if (request.Status is { } status) query = query.Where(e => e.Status == status);
        var rows = await query.OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id)
            .Take(Math.Clamp(request.Take, 1, 1000)).ToListAsync(cancellationToken);
        var ids = rows.Where(r => r.RecipientUserId is not null).Select(r => r.RecipientUserId!.Value).Distinct().ToList();
        var people = ids.Count == 0
            ? new Dictionary<Guid, UserSummary>()
            : await mediator.Send(new GetUserSummaries(ids), cancellationToken);
        return rows.Select(r => new AdminEmailRow(
            r.Id, r.OutboxMessageId, r.Template, r.Subject, r.RecipientUserId,
            r.RecipientUserId is { } id ? people.TryGetValue(id, out var p) ? p.DisplayName : "Unknown user" : "Deleted account",
            r.Status, Describe(r.Status), r.Attempts, r.LastError, r.CreatedAt, r.UpdatedAt, r.SentAt)).ToList();
    }

    public static string Describe(EmailStatus status) => status switch
    {
        EmailStatus.Queued => "queued",
        EmailStatus.Sent => "sent",
        EmailStatus.NotSentNoKey => "not sent: no Resend key",
        EmailStatus.Failed => "failed, will retry",
        EmailStatus.DeadLettered => "dead-lettered",
        EmailStatus.SkippedNoRecipient => "not sent: recipient deleted or unknown",
        _ => status.ToString(),
    };
}

internal static class ListAdminEmailsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/admin/emails", async Task<Ok<IReadOnlyList<AdminEmailRow>>> (EmailStatus? status, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListAdminEmails(status), ct)))
            .RequireAuthorization(Policies.Admin)
            .WithName("ListEmails");
}
