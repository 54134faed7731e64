using System.Security.Claims;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TechInterviewCoach.BuildingBlocks.Web;
using TechInterviewCoach.Messaging.Contracts;
using TechInterviewCoach.Messaging.Data;
using TechInterviewCoach.Messaging.Features.Shared;
using TechInterviewCoach.SharedKernel;

namespace TechInterviewCoach.Messaging.Features.ListConversations;

/// <summary>The person's conversations, latest activity first, with unread counts and the other party's name.</summary>
internal sealed record ListConversations(Guid UserId) : IRequest<IReadOnlyList<ConversationDto>>;

internal sealed record GetConversation(Guid ConversationId, Guid UserId) : IRequest<ConversationDto>;

internal static class UnreadQueries
{
    /// <summary>Unread messages per conversation: from the other party, numbered after the reader's read mark.</summary>
    public static async Task<Dictionary<Guid, int>> UnreadByConversationAsync(this MessagingDbContext db, Guid userId, CancellationToken ct) =>
        await (from c in db.Conversations
               where c.CoacheeId == userId || c.CoachId == userId
               from m in db.Messages
               where m.ConversationId == c.Id && m.SenderId != userId
                     && m.Seq > (c.CoacheeId == userId ? c.CoacheeReadSeq : c.CoachReadSeq)
               group m by m.ConversationId into g
               select new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
}

internal sealed class ListConversationsHandler(MessagingDbContext db, IMediator mediator) : IRequestHandler<ListConversations, IReadOnlyList<ConversationDto>>
{
    public async Task<IReadOnlyList<ConversationDto>> Handle(ListConversations request, CancellationToken ct)
    {
        var me = request.UserId;
        var conversations = await db.Conversations.AsNoTracking().Where(c => c.CoacheeId == me || c.CoachId == me)
            .OrderByDescending(c => c.LastMessageAt).ToListAsync(ct);
        var unread = await db.UnreadByConversationAsync(me, ct);
        var names = await mediator.NamesAsync(conversations.Select(c => c.OtherParty(me)), ct);
        return conversations.Select(c => c.ToDto(me, names, unread.GetValueOrDefault(c.Id))).ToList();
    }
}

internal sealed class GetConversationHandler(MessagingDbContext db, IMediator mediator) : IRequestHandler<GetConversation, ConversationDto>
{
    public async Task<ConversationDto> Handle(GetConversation request, CancellationToken ct)
    {
        var c = await db.ForParticipantAsync(request.ConversationId, request.UserId, ct, tracked: false);
        var readSeq = c.ReadSeqOf(request.UserId);
        var unread = await db.Messages.CountAsync(m => m.ConversationId == c.Id && m.SenderId != request.UserId && m.Seq > readSeq, ct);
        var names = await mediator.NamesAsync([c.OtherParty(request.UserId)], ct);
        return c.ToDto(request.UserId, names, unread);
    }
}

internal sealed class GetUnreadCountHandler(MessagingDbContext db) : IRequestHandler<GetUnreadCount, int>
{
    public async Task<int> Handle(GetUnreadCount request, CancellationToken ct) =>
        (await db.UnreadByConversationAsync(request.UserId, ct)).Values.Sum();
}

internal sealed class GetConversationsWaitingHandler(MessagingDbContext db) : IRequestHandler<GetConversationsWaiting, IReadOnlyList<ConversationWaiting>>
{
    public async Task<IReadOnlyList<ConversationWaiting>> Handle(GetConversationsWaiting request, CancellationToken ct)
    {
        var unread = await db.UnreadByConversationAsync(request.UserId, ct);
        if (unread.Count == 0) return [];
        var ids = unread.Keys.ToList();
        var open = await db.Conversations.AsNoTracking()
            .Where(c => ids.Contains(c.Id) && c.ClosedAt == null && c.BlockedBy == null)
            .OrderByDescending(c => c.LastMessageAt).Take(Math.Clamp(request.Take, 1, 50)).ToListAsync(ct);
        return open.Select(c => new ConversationWaiting(c.Id, c.OtherParty(request.UserId), unread[c.Id], c.LastMessageAt)).ToList();
    }
}

internal static class ListConversationsEndpoints
{
    internal sealed record UnreadResult(int Count);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/conversations", async Task<Ok<IReadOnlyList<ConversationDto>>> (ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListConversations(user.GetUserId()), ct)))
            .RequireAuthorization(Policies.Member)
            .WithName("ListConversations")
            .WithSummary("Your conversations, latest activity first, with unread counts.");

        api.MapGet("/conversations/{id:guid}", async Task<Ok<ConversationDto>> (Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetConversation(id, user.GetUserId()), ct)))
            .RequireAuthorization(Policies.Member)
            .WithName("GetConversation")
            .WithSummary("One of your conversations.");

        api.MapGet("/unread", async Task<Ok<UnreadResult>> (ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(new UnreadResult(await mediator.Send(new GetUnreadCount(user.GetUserId()), ct))))
            .RequireAuthorization(Policies.Member)
            .WithName("GetUnreadCount")
            .WithSummary("Unread messages across all your conversations.");
    }
}
