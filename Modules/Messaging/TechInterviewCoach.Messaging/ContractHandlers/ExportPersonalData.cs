namespace TechInterviewCoach.Messaging.ContractHandlers;

/// <summary>Messaging's part of the data export (Identity's ExportMessagingData): the person's conversations with every message in them (their own and received), for their data export.</summary>
internal sealed class ExportPersonalDataHandler(MessagingDbContext db, IMediator mediator) : IRequestHandler<ExportMessagingData, PersonalDataPart>
{
    public async Task<PersonalDataPart> Handle(ExportMessagingData request, CancellationToken ct)
    {
        var me = request.UserId;
        var conversations = await db.Conversations.AsNoTracking().Where(c => c.CoacheeId == me || c.CoachId == me).OrderBy(c => c.StartedAt).ToListAsync(ct);
        var ids = conversations.Select(c => c.Id).ToList();
        var messages = (await db.Messages.AsNoTracking().Where(m => ids.Contains(m.ConversationId)).ToListAsync(ct))
            .ToLookup(m => m.ConversationId);
        var reports = await db.Reports.AsNoTracking().Where(r => r.ReporterId == me).ToListAsync(ct);
        var names = await mediator.NamesAsync(conversations.SelectMany(c => new[] { c.CoacheeId, c.CoachId }), ct);
        var data = new
        {
            conversations = conversations.Select(c => new
            {
                id = c.Id,
                myRole = c.CoacheeId == me ? "coachee" : "coach",
                otherParty = names.NameOf(c.OtherParty(me)),
                startedAt = c.StartedAt,
                closedAt = c.ClosedAt,
                blocked = c.IsBlocked,
                messages = messages[c.Id].OrderBy(m => m.Seq).Select(m => new
                {
                    seq = m.Seq,
                    from = m.SenderId == me ? "me" : names.NameOf(m.SenderId),
                    sentAt = m.SentAt,
                    text = m.Text,
                }).ToList(),
            }).ToList(),
            reportsIMade = reports.Select(r => new { messageId = r.MessageId, reason = r.Reason, at = r.CreatedAt }).ToList(),
        };
        return new PersonalDataPart("messaging", data, []);
    }
}
