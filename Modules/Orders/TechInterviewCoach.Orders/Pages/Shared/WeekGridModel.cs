namespace TechInterviewCoach.Orders.Pages;

/// <summary>What the week grid partial draws: the week, its page (for previous/next), the form's legend, button and hidden fields.</summary>
internal sealed record WeekGridModel(WeekView Week, string PageUrl, string Legend, string Submit, IReadOnlyList<(string Name, string Value)> Hidden);
