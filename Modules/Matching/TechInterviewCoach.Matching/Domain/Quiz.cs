using System.Text.Json;
using System.Text.Json.Serialization;

namespace TechInterviewCoach.Matching.Domain;

/// <summary>
/// The matching quiz as data: questions, allowed options and ranges, with a version. A change to the options
/// is a new version; stored answers keep the version they were given under.
/// </summary>
internal static class QuizDefinition
{
    public const int Version = 1;
    public const int MaxCompanies = 10;
    public const int MaxCompanyLength = 80;
    public const int MaxWindows = 21;

    public static readonly IReadOnlyList<Option> Roles =
    [
        new("backend", "Backend"), new("frontend", "Frontend"), new("fullstack", "Full-stack"), new("mobile", "Mobile"),
        new("data", "Data"), new("ml", "Machine learning"), new("sre", "SRE / infrastructure"), new("security", "Security"),
        new("em", "Engineering manager"),
    ];

    public static readonly IReadOnlyList<Option> Seniorities =
    [
        new("junior", "Junior"), new("mid", "Mid-level"), new("senior", "Senior"), new("staff", "Staff"),
        new("principal", "Principal"), new("manager", "Manager"),
    ];

    public static readonly IReadOnlyList<Option> InterviewTypes =
    [
        new("coding", "coding"), new("system_design", "system design"), new("behavioural", "behavioural"),
        new("ml_design", "ML design"), new("take_home", "take-home review"), new("cv_review", "CV review"),
        new("negotiation", "offer negotiation"),
    ];

    public static readonly IReadOnlyList<Option> FocusAreas =
    [
        new("algorithms", "Algorithms and data structures"), new("distributed", "Distributed systems"),
        new("api_design", "API design"), new("databases", "Databases"), new("frontend_arch", "Frontend architecture"),
        new("mobile_arch", "Mobile architecture"), new("ml_systems", "ML systems"), new("leadership", "Leadership"),
        new("communication", "Communication"), new("career", "Career strategy"),
    ];

    public static readonly IReadOnlyList<Option> Languages =
    [
        new("en", "English"), new("de", "German"), new("fr", "French"), new("es", "Spanish"), new("pt", "Portuguese"),
        new("it", "Italian"), new("nl", "Dutch"), new("pl", "Polish"), new("uk", "Ukrainian"), new("ru", "Russian"),
        new("tr", "Turkish"), new("ar", "Arabic"), new("hi", "Hindi"), new("zh", "Mandarin"), new("ja", "Japanese"),
        new("ko", "Korean"), new("sv", "Swedish"),
    ];

    /// <summary>Budget per session: above zero, at most 10,000 major units.</summary>
    public const long MaxBudgetMajor = 10_000;

    public static string Label(IReadOnlyList<Option> options, string code) => options.FirstOrDefault(o => o.Code == code)?.Label ?? code;
    public static bool Allowed(IReadOnlyList<Option> options, string? code) => code is not null && options.Any(o => o.Code == code);
    public static int IndexOf(IReadOnlyList<Option> options, string code)
    {
        for (var i = 0; i < options.Count; i++) if (options[i].Code == code) return i;
        return -1;
    }

    /// <summary>A filter of the directory or the matches as the bit of its option; 0 for none; a clear answer for an unknown code.</summary>
    public static int FilterMask(IReadOnlyList<Option> options, string? code, string field)
    {
        if (string.IsNullOrEmpty(code)) return 0;
        var i = IndexOf(options, code);
        return i >= 0 ? 1 << i : throw new InputException("unknown_filter", field, $"Unknown {field}: choose one from the list.");
    }

    public static object Describe() => new
    {
        version = Version,
        questions = new object[]
        {
            new { id = "targetRoles", kind = "multi", required = true, options = Roles },
            new { id = "seniority", kind = "single", required = true, options = Seniorities },
            new { id = "targetCompanies", kind = "list", required = false, max = MaxCompanies, maxLength = MaxCompanyLength },
            new { id = "interviewDate", kind = "date", required = false, rule = "today or later" },
            new { id = "interviewTypes", kind = "multi", required = true, options = InterviewTypes },
            new { id = "focusAreas", kind = "multi", required = false, options = FocusAreas },
            new { id = "languages", kind = "multi", required = true, options = Languages },
            new { id = "timeZone", kind = "iana-time-zone", required = true },
            new { id = "budget", kind = "money", required = true, currencies = TechInterviewCoach.SharedKernel.Currencies.Supported, maxMajor = MaxBudgetMajor },
            new { id = "availability", kind = "weekly-windows", required = true, max = MaxWindows },
        },
    };
}

internal sealed record Option(string Code, string Label);

/// <summary>One set of quiz answers (a draft may leave any of them empty).</summary>
internal record QuizAnswers
{
    public List<string> TargetRoles { get; init; } = [];
    public string? Seniority { get; init; }
    public List<string> TargetCompanies { get; init; } = [];
    public DateOnly? InterviewDate { get; init; }
    public List<string> InterviewTypes { get; init; } = [];
    public List<string> FocusAreas { get; init; } = [];
    public List<string> Languages { get; init; } = [];
    public string? TimeZone { get; init; }
    public long? BudgetMinor { get; init; }
    public string? BudgetCurrency { get; init; }
    public List<WeeklyWindow> Availability { get; init; } = [];
}

/// <summary>The public part of a coach profile kept as one JSON document.</summary>
internal sealed record CoachDetails
{
    public List<string> Companies { get; init; } = [];
    /// <summary>Companies the coach has interviewed for, as an interviewer or a candidate (as typed; suggestions from <see cref="Vocabulary.Companies"/>).</summary>
    public List<string> InterviewedFor { get; init; } = [];
    /// <summary>Skills and technologies the coach coaches, as <see cref="Vocabulary.Skills"/> names.</summary>
    public List<string> Skills { get; init; } = [];
    public List<string> Roles { get; init; } = [];
    public List<string> InterviewTypes { get; init; } = [];
    /// <summary>People coached per interview type code, e.g. system_design: 40.</summary>
    public Dictionary<string, int> CoachedCounts { get; init; } = [];
    public List<string> Languages { get; init; } = [];
    public List<WeeklyWindow> Availability { get; init; } = [];
}

internal static class QuizRules
{
    /// <summary>The answers as they are checked and kept: no blank or repeated choices, companies trimmed, the currency code in capitals.</summary>
    public static QuizAnswers Normalise(QuizAnswers a) => a with
    {
        TargetRoles = a.TargetRoles.Where(x => !string.IsNullOrWhiteSpace(x)).Distinct().ToList(),
        TargetCompanies = a.TargetCompanies.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
        InterviewTypes = a.InterviewTypes.Where(x => !string.IsNullOrWhiteSpace(x)).Distinct().ToList(),
        FocusAreas = a.FocusAreas.Where(x => !string.IsNullOrWhiteSpace(x)).Distinct().ToList(),
        Languages = a.Languages.Where(x => !string.IsNullOrWhiteSpace(x)).Distinct().ToList(),
        BudgetCurrency = a.BudgetCurrency?.Trim().ToUpperInvariant(),
        TimeZone = a.TimeZone?.Trim(),
    };

    /// <summary>Today's date where the person is.</summary>
    public static DateOnly Today(DateTime utcNow, string? timeZone) =>
        DateOnly.FromDateTime(UserTime.ToLocal(utcNow, UserTime.Find(timeZone)));
}

/// <summary>A weekly window on a form: a day, and an end after the start (or midnight).</summary>
internal sealed class WeeklyWindowValidator : AbstractValidator<WeeklyWindow>
{
    public WeeklyWindowValidator()
    {
        RuleFor(x => x.Day).IsInEnum().WithMessage("Choose a day.");
        RuleFor(x => x.End).Must((x, end) => end == TimeOnly.MinValue || end > x.Start).WithMessage("A window must end after it starts.");
    }
}

internal static class MatchingJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);
    public static T Read<T>(string json) where T : new() =>
        string.IsNullOrWhiteSpace(json) ? new T() : JsonSerializer.Deserialize<T>(json, Options) ?? new T();
}
