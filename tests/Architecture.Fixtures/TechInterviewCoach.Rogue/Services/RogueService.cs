namespace TechInterviewCoach.Rogue.Services;

/// <summary>Lives in a folder that is none of the rooms of decision 0017.</summary>
internal sealed class RogueService
{
}
