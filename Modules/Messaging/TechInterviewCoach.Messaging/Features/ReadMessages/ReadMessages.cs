using System.Security.Claims;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TechInterviewCoach.BuildingBlocks.Web;
using TechInterviewCoach.Messaging.Data;
using TechInterviewCoach.Messaging.Features.Shared;
using TechInterviewCoach.Messaging.Live;
using TechInterviewCoach.SharedKernel;

namespace TechInterviewCoach.Messaging.Features.ReadMessages;

/// <summary>Messages after a sequence number (oldest first), at most <paramref name="Limit"/>; without After, the latest Limit messages.</summary>
internal sealed record GetMessages(Guid ConversationId, Guid ReaderId, long? After, int Limit = 200) : IRequest<IReadOnlyList<MessageDto>>;

internal sealed class GetMessagesHandler(MessagingDbContext db, IMediator mediator) : IRequestHandler<GetMessages, IReadOnlyList<MessageDto>>
{
    public async Task<IReadOnlyList<MessageDto>> Handle(GetMessages request, CancellationToken ct)
    {
        var conversation = await db.ForParticipantAsync(request.ConversationId, request.ReaderId, ct, tracked: false);
        var limit = Math.Clamp(request.Limit, 1, 500);
        List<Message> messages;
        if (request.After is { } after)
            messages = await db.Messages.AsNoTracking().Where(m => m.ConversationId == conversation.Id && m.Seq > after)
                .OrderBy(m => m.Seq).Take(limit).ToListAsync(ct);
        else
            messages = (await db.Messages.AsNoTracking().Where(m => m.ConversationId == conversation.Id)
                .OrderByDescending(m => m.Seq).Take(limit).ToListAsync(ct)).OrderBy(m => m.Seq).ToList();
        var names = await mediator.NamesAsync([conversation.CoacheeId, conversation.CoachId], ct);
        return messages.Select(m => m.ToDto(request.ReaderId, conversation, names)).ToList();
    }
}

/// <summary>The reader has read everything up to <paramref name="Seq"/> (read receipts and unread counts).</summary>
internal sealed record MarkRead(Guid ConversationId, Guid ReaderId, long Seq) : IRequest<long>;

internal sealed class MarkReadHandler(MessagingDbContext db, IChatBus bus) : IRequestHandler<MarkRead, long>
{
    public async Task<long> Handle(MarkRead request, CancellationToken ct)
    {
        var c = await db.ForParticipantAsync(request.ConversationId, request.ReaderId, ct, tracked: false);
        var seq = Math.Clamp(request.Seq, 0, c.LastSeq);
        int changed;
        if (request.ReaderId == c.CoacheeId)
            changed = await db.Conversations.Where(x => x.Id == c.Id && x.CoacheeReadSeq < seq).ExecuteUpdateAsync(s => s.SetProperty(x => x.CoacheeReadSeq, seq), ct);
        else
            changed = await db.Conversations.Where(x => x.Id == c.Id && x.CoachReadSeq < seq).ExecuteUpdateAsync(s => s.SetProperty(x => x.CoachReadSeq, seq), ct);
        if (changed > 0)
            await bus.PublishAsync(new ChatEvent(ChatEventKind.Read, c.Id, seq, c.CoacheeId, c.CoachId) { ActorId = request.ReaderId }, CancellationToken.None);
        return Math.Max(seq, c.ReadSeqOf(request.ReaderId));
    }
}

internal static class ReadMessagesEndpoints
{
    internal sealed record ReadBody(long Seq);
    internal sealed record ReadResult(long ReadSeq);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/conversations/{id:guid}/messages", async Task<Ok<IReadOnlyList<MessageDto>>> (Guid id, long? after, int? limit, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetMessages(id, user.GetUserId(), after, limit ?? 200), ct)))
            .RequireAuthorization(Policies.Member)
            .WithName("GetMessages")
            .WithSummary("Messages of a conversation: after a sequence number (catch-up), or the latest ones.");

        api.MapPost("/conversations/{id:guid}/read", async Task<Ok<ReadResult>> (Guid id, ReadBody body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(new ReadResult(await mediator.Send(new MarkRead(id, user.GetUserId(), body.Seq), ct))))
            .RequireAuthorization(Policies.Member)
            .WithName("MarkRead")
            .WithSummary("Marks the conversation read up to a message's sequence number; the sender then sees \"Read\".");
    }
}
