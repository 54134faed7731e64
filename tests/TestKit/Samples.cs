using System.Text;

namespace TechInterviewCoach.TestKit;

/// <summary>
/// Sample data every test project shares: one quiz, one CV, one coach profile, one listing, the people of the journeys.
/// Each is the body the API takes (anonymous objects serialize as the JSON the endpoints read); parameters change only
/// what a test is about. Markers (a company, a PDF comment) are there so a test can look for its own data.
/// </summary>
public static class Samples
{
    /// <summary>A target company no page prints unless it shows this quiz.</summary>
    public const string QuizCompany = "Qwertzuiop Systems";

    /// <summary>A submitted quiz: a senior backend engineer aiming at <paramref name="company"/>, free on Monday evenings, 150 USD.</summary>
    public static object Quiz(string company) => Quiz(companies: [company]);

    /// <summary>A submitted quiz, field by field; defaults as in <see cref="Quiz(string)"/> with <see cref="QuizCompany"/>.</summary>
    public static object Quiz(string[]? companies = null, string[]? types = null, string[]? languages = null, long budget = 15000, string currency = "USD",
        string timeZone = "Europe/Berlin", object[]? availability = null, string[]? roles = null, string seniority = "senior", string[]? focusAreas = null) => new
    {
        targetRoles = roles ?? ["backend"],
        seniority,
        targetCompanies = companies ?? [QuizCompany],
        interviewDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)).ToString("yyyy-MM-dd"),
        interviewTypes = types ?? ["system_design"],
        focusAreas = focusAreas ?? ["distributed"],
        languages = languages ?? ["en"],
        timeZone,
        budgetMinor = budget,
        budgetCurrency = currency,
        availability = availability ?? [Slot("Monday", "18:00", "21:00")],
    };

    /// <summary>One weekly availability window, e.g. ("Monday", "18:00", "21:00").</summary>
    public static object Slot(string day, string start, string end) => new { day, start, end };

    /// <summary>Every day of the week, 08:00–20:00: a coach who can take any session.</summary>
    public static object[] AllWeek(string start = "08:00", string end = "20:00") =>
        Enum.GetNames<DayOfWeek>().Select(d => Slot(d, start, end)).ToArray();

    /// <summary>A published coach profile.</summary>
    public static object CoachProfile(string headline = "Staff engineer", string[]? companies = null, string[]? types = null, Dictionary<string, int>? counts = null,
        string[]? languages = null, string timeZone = "Europe/Berlin", object[]? availability = null, string[]? roles = null, int years = 10, string bio = "I coach.") => new
    {
        headline,
        bio,
        yearsOfExperience = years,
        companies = companies ?? [],
        roles = roles ?? ["backend"],
        interviewTypes = types ?? ["coding"],
        coachedCounts = counts ?? new Dictionary<string, int>(),
        languages = languages ?? ["en"],
        timeZone,
        availability = availability ?? [],
        isPublished = true,
    };

    /// <summary>A listing: one 60-minute mock interview for 100 USD unless told otherwise.</summary>
    public static object Listing(long price = 10000, string currency = "USD", string kind = "Single", int sessions = 1, int minutes = 60,
        string title = "Mock interview", string description = "One hour, with written feedback.") =>
        new { title, description, kind, sessions, sessionMinutes = minutes, priceMinor = price, currency };

    /// <summary>A small valid PDF (what the CV upload accepts and reads) whose one line of text is <paramref name="marker"/> (uncompressed: the marker is in the bytes).</summary>
    public static byte[] Pdf(string marker = "hello") => TinyPdf.Text(marker);

    /// <summary>The shortest file that starts and ends like a PDF: enough for input checks, not a real document.</summary>
    public static byte[] PdfShell() => "%PDF-1.4\n%%EOF\n"u8.ToArray();

    /// <summary>The people of the sample data: a name, an address, a role. Tests that need their own add a tag.</summary>
    public sealed record Person(string Role, string Name, string Email)
    {
        /// <summary>The same person with <paramref name="tag"/> in the name and the address, so parallel tests never meet.</summary>
        public Person Tagged(string tag) => this with { Name = $"{Name} {tag}", Email = Email.Replace("@", "+" + tag + "@") };
    }

    public static readonly Person Coach = new("coach", "Kai Coach", "kai.coach@example.test");
    public static readonly Person Coachee = new("coachee", "Cora Coachee", "cora.coachee@example.test");
    public static readonly Person Admin = new("admin", "Ada Admin", "ada.admin@example.test");

    /// <summary>A short random tag for names and markers.</summary>
    public static string Tag() => Guid.NewGuid().ToString("N")[..10];
}
