using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace TechInterviewCoach.Matching.Pages;

/// <summary>One editable weekly window row on a form (empty rows are ignored).</summary>
internal sealed class WindowRow
{
    public DayOfWeek? Day { get; set; }
    public TimeOnly? Start { get; set; }
    public TimeOnly? End { get; set; }
}

internal static class PageForms
{
    public static List<WeeklyWindow> ToWindows(IEnumerable<WindowRow> rows) =>
        rows.Where(r => r.Day is not null && r.Start is not null && r.End is not null).Select(r => new WeeklyWindow(r.Day!.Value, r.Start!.Value, r.End!.Value)).ToList();

    public static List<WindowRow> ToRows(IEnumerable<WeeklyWindow> windows, int total = 7)
    {
        var rows = windows.Select(w => new WindowRow { Day = w.Day, Start = w.Start, End = w.End }).ToList();
        while (rows.Count < total) rows.Add(new WindowRow());
        return rows;
    }

    public static List<string> SplitList(string? text) =>
        (text ?? "").Split([',', '\n', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    /// <summary>Errors for a question: every model-state key under Input.{field}.</summary>
    public static string? Errors(ModelStateDictionary state, string field)
    {
        var messages = state.Where(kv => kv.Key == "Input." + field || kv.Key.StartsWith("Input." + field + "[") || kv.Key.StartsWith("Input." + field + "."))
            .SelectMany(kv => kv.Value!.Errors).Select(e => e.ErrorMessage).Distinct().ToList();
        return messages.Count == 0 ? null : string.Join(" ", messages);
    }

    /// <summary>
    /// Puts the errors of fields the request names differently (the price in minor units) under the form's own field (the
    /// price as typed), so they show beside it and the error summary links to it.
    /// </summary>
    public static void MoveErrors(ModelStateDictionary state, string formField, params string[] requestFields)
    {
        foreach (var key in state.Keys.Where(k => requestFields.Any(f => k == "Input." + f)).ToList())
        {
            foreach (var error in state[key]!.Errors) state.AddModelError("Input." + formField, error.ErrorMessage);
            state.Remove(key);
        }
    }

    /// <summary>Every error on the page, for a page whose only "form" is its query (filters).</summary>
    public static string? AllErrors(ModelStateDictionary state)
    {
        var messages = state.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).Distinct().ToList();
        return messages.Count == 0 ? null : string.Join(" ", messages);
    }

    public static readonly string[] Days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
}
