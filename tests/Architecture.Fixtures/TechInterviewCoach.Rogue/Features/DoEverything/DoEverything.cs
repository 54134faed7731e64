using MediatR;

namespace TechInterviewCoach.Rogue.Features;

// Two use cases in one file (0017 wants one request type per file), and one of them handled by nobody.

/// <summary>A request with a handler.</summary>
internal sealed record DoEverything(string What) : IRequest<int>;

internal sealed class DoEverythingHandler : IRequestHandler<DoEverything, int>
{
    public Task<int> Handle(DoEverything request, CancellationToken cancellationToken) => Task.FromResult(request.What.Length);
}

/// <summary>A request nothing handles: sending it would fail at run time.</summary>
public sealed record RogueOrphanRequest(Guid Id) : IRequest<int>;

/// <summary>A notification nothing handles.</summary>
public sealed record RogueOrphanNotification(Guid Id) : INotification;
