namespace TechInterviewCoach.Messaging.Features;

/// <summary>The navigation badge: unread messages across the person's conversations (the request is <see cref="Contracts.GetUnreadCount"/>).</summary>
internal static class GetUnreadCountEndpoint
{
    internal sealed record UnreadResult(int Count);

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/unread", async Task<Ok<UnreadResult>> (ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(new UnreadResult(await mediator.Send(new GetUnreadCount(user.GetUserId()), ct))))
            .RequireAuthorization(Policies.Member)
            .WithName("GetUnreadCount")
            .WithSummary("Unread messages across all your conversations.");
}
