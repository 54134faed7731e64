namespace TechInterviewCoach.Matching.Features;

/// <summary>The skills and technologies vocabulary, for choosing what to add.</summary>
internal static class ListSkillsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/cv/skills", () => TypedResults.Ok(Vocabulary.Skills.Terms.Select(t => new { name = t.Name, aliases = t.Aliases })))
            .WithSummary("The skills and technologies vocabulary (names and aliases) that CVs are read with and coaches choose from.");
}
