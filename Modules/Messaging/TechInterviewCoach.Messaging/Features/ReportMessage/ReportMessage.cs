namespace TechInterviewCoach.Messaging.Features;

/// <summary>A participant reports a message of the other party to the admins, with a reason.</summary>
internal sealed record ReportMessage(Guid MessageId, Guid ReporterId, string? Reason) : IRequest<Guid>;

internal sealed class ReportMessageValidator : AbstractValidator<ReportMessage>
{
    public ReportMessageValidator()
    {
        RuleFor(r => r.Reason).Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("Say briefly why you report this message.")
            .MaximumLength(1000).WithMessage("A reason can be at most 1,000 characters long.");
    }
}

internal sealed class ReportMessageHandler(MessagingDbContext db, TimeProvider time) : IRequestHandler<ReportMessage, Guid>
{
    public async Task<Guid> Handle(ReportMessage request, CancellationToken ct)
    {
        var message = await db.Messages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == request.MessageId, ct)
                      ?? throw new NotFoundException("message_not_found", "There is no such message.");
        var conversation = await db.Conversations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == message.ConversationId, ct);
        if (conversation is null || !conversation.IsParticipant(request.ReporterId))
            throw new NotFoundException("message_not_found", "There is no such message.");
        if (message.SenderId == request.ReporterId)
            throw new InputException("cannot_report_own_message", "messageId", "You can report the other person's messages, not your own.");
        if (await db.Reports.AnyAsync(r => r.MessageId == message.Id && r.ReporterId == request.ReporterId, ct))
            throw new ConflictException("already_reported", "You have already reported this message; an admin will look at it.");
        var report = new MessageReport
        {
            Id = Guid.CreateVersion7(), MessageId = message.Id, ConversationId = message.ConversationId,
            ReporterId = request.ReporterId, Reason = request.Reason!.Trim(), CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Reports.Add(report);
        await db.SaveChangesAsync(ct);
        return report.Id;
    }
}

internal static class ReportMessageEndpoint
{
    internal sealed record Body(string? Reason);
    internal sealed record Reported(Guid ReportId);

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/messages/{messageId:guid}/report", async Task<Created<Reported>> (Guid messageId, Body body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            {
                var id = await mediator.Send(new ReportMessage(messageId, user.GetUserId(), body.Reason), ct);
                return TypedResults.Created($"/api/messaging/reports/{id}", new Reported(id));
            })
            .RequireAuthorization(Policies.Member)
            .RequireRateLimiting(RateLimitPolicies.Writes)
            .WithName("ReportMessage")
            .WithSummary("Report a message of the other party to the admins.");
}
