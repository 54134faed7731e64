namespace TechInterviewCoach.Matching.Tests;

/// <summary>The matches endpoint's answer as the ranking tests read it: each coach's rank, score and reasons.</summary>
internal sealed record MatchesPage(List<RankedMatch> Items, int Total);

internal sealed record RankedMatch(int Rank, int Score, List<string> Reasons, RankedCoach Coach);

internal sealed record RankedCoach(Guid CoachId, string DisplayName);
