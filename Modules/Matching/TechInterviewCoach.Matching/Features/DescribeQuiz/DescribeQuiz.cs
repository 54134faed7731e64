namespace TechInterviewCoach.Matching.Features;

/// <summary>Anyone reads the quiz as data: questions, options, ranges and version.</summary>
internal sealed record DescribeQuiz : IRequest<object>;

internal sealed class DescribeQuizHandler : IRequestHandler<DescribeQuiz, object>
{
    public Task<object> Handle(DescribeQuiz request, CancellationToken ct) => Task.FromResult(QuizDefinition.Describe());
}

internal static class DescribeQuizEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/quiz/definition", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new DescribeQuiz(), ct)))
            .WithSummary("The quiz as data: questions, options, ranges and version.");
}
