namespace TechInterviewCoach.Identity.Features;

/// <summary>One sign-in as its owner sees it: no full address, no device hash.</summary>
internal sealed record SignInView(DateTime OccurredAt, string Method, string Browser, string OperatingSystem, string Network, bool NewBrowser);

/// <summary>The person's most recent sign-ins, newest first.</summary>
internal sealed record ListSignIns(Guid UserId, int Take = 20) : IRequest<IReadOnlyList<SignInView>>;

internal sealed class ListSignInsHandler(IdentityDbContext db) : IRequestHandler<ListSignIns, IReadOnlyList<SignInView>>
{
    public async Task<IReadOnlyList<SignInView>> Handle(ListSignIns request, CancellationToken cancellationToken) =>
        await db.SignIns.AsNoTracking()
            .Where(s => s.UserId == request.UserId)
            .OrderByDescending(s => s.OccurredAt).ThenByDescending(s => s.Id)
            .Take(Math.Clamp(request.Take, 1, 100))
            .Select(s => new SignInView(s.OccurredAt, s.Method, s.Browser, s.OperatingSystem, s.Network, s.NewBrowser))
            .ToListAsync(cancellationToken);
}

internal static class ListSignInsEndpoint
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/signins", async Task<Ok<IReadOnlyList<SignInView>>> (ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListSignIns(user.GetUserId()), ct)))
            .RequireAuthorization()
            .WithSummary("Your 20 most recent sign-ins: when, browser and system, and the network they came from.");
}
