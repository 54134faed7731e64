namespace TechInterviewCoach.Matching.Features;

/// <summary>Anyone views a listed coach's public page; null when the coach is not listed.</summary>
internal sealed record ViewCoach(Guid CoachId) : IRequest<CoachCard?>;

internal sealed class ViewCoachHandler(MatchingDbContext db, IMediator mediator) : IRequestHandler<ViewCoach, CoachCard?>
{
    public async Task<CoachCard?> Handle(ViewCoach request, CancellationToken ct) =>
        (await CoachCards.LoadAsync(db, mediator, [request.CoachId], ct)).FirstOrDefault();
}

internal static class ViewCoachEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/coaches/{id:guid}", async Task<Ok<CoachCard>> (Guid id, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ViewCoach(id), ct) ?? throw new NotFoundException("coach_not_found", "No such coach.")))
            .AllowAnonymous().WithSummary("A listed coach's public page.");
}
