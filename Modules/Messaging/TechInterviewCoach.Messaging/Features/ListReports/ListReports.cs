namespace TechInterviewCoach.Messaging.Features;

/// <summary>Reports for admins, newest first, with the reported message (admins need it to judge).</summary>
internal sealed record ListReports : IRequest<IReadOnlyList<ReportDto>>;

internal sealed record ReportDto(Guid Id, Guid MessageId, Guid ConversationId, Guid ReporterId, string ReporterName,
    Guid SenderId, string SenderName, string MessageText, DateTime MessageSentAt, string Reason, DateTime ReportedAt);

internal sealed class ListReportsHandler(MessagingDbContext db, IMediator mediator) : IRequestHandler<ListReports, IReadOnlyList<ReportDto>>
{
    public async Task<IReadOnlyList<ReportDto>> Handle(ListReports request, CancellationToken ct)
    {
        var rows = await (from r in db.Reports.AsNoTracking()
                          join m in db.Messages.AsNoTracking() on r.MessageId equals m.Id
                          orderby r.CreatedAt descending
                          select new { r, m }).Take(500).ToListAsync(ct);
        var names = await mediator.NamesAsync(rows.SelectMany(x => new[] { x.r.ReporterId, x.m.SenderId }), ct);
        return rows.Select(x => new ReportDto(x.r.Id, x.m.Id, x.m.ConversationId, x.r.ReporterId, names.NameOf(x.r.ReporterId),
            x.m.SenderId, names.NameOf(x.m.SenderId), x.m.Text, x.m.SentAt, x.r.Reason, x.r.CreatedAt)).ToList();
    }
}

internal static class ListReportsEndpoint
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/reports", async Task<Ok<IReadOnlyList<ReportDto>>> (IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListReports(), ct)))
            .RequireAuthorization(Policies.Admin)
            .WithName("ListMessageReports")
            .WithSummary("Admins: reported messages, newest first.");
}
