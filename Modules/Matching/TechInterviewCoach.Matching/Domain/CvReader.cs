using System.Globalization;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Exceptions;

namespace TechInterviewCoach.Matching.Domain;

/// <summary>How a PDF's text came out: read (possibly empty, as a scan without a text layer), or not at all.</summary>
internal enum PdfTextOutcome { Read, Encrypted, Malformed }

/// <summary>What matching takes from a CV. The text itself is not kept: only these items.</summary>
internal sealed record CvFacts
{
    /// <summary>False when the PDF had no text to read (a scan): nothing below was found.</summary>
    public bool HasText { get; init; } = true;
    /// <summary>Skill and technology names from <see cref="Vocabulary.Skills"/>.</summary>
    public List<string> Skills { get; init; } = [];
    /// <summary>Past employers, as the company is named in the vocabulary or by coaches.</summary>
    public List<string> Employers { get; init; } = [];
    public int? YearsOfExperience { get; init; }
    public string? Title { get; init; }
    /// <summary>A <see cref="QuizDefinition.Seniorities"/> code.</summary>
    public string? Seniority { get; init; }

    public bool IsEmpty => Skills.Count == 0 && Employers.Count == 0 && YearsOfExperience is null && Title is null && Seniority is null;
}

/// <summary>Reads a CV: the PDF's text with PdfPig, then the facts matching needs, with plain rules a person can check.</summary>
internal static partial class CvReader
{
    public const int MaxSkills = 40;
    public const int MaxEmployers = 15;
    public const int MaxTitleLength = 80;

    /// <summary>The lines of text of every page, in reading order; nothing is kept beyond the call.</summary>
    public static (PdfTextOutcome Outcome, IReadOnlyList<string> Lines) Text(byte[] pdf)
    {
        try
        {
            using var document = PdfDocument.Open(pdf);
            var lines = new List<string>();
            foreach (var page in document.GetPages())
                lines.AddRange(ContentOrderTextExtractor.GetText(page).Split('\n').Select(l => Spaces().Replace(l, " ").Trim()).Where(l => l.Length > 0));
            return (PdfTextOutcome.Read, lines);
        }
        catch (PdfDocumentEncryptedException) { return (PdfTextOutcome.Encrypted, []); }
        catch (Exception ex) when (ex is PdfDocumentFormatException or InvalidOperationException or ArgumentException or FormatException
                                       or IndexOutOfRangeException or NullReferenceException or InvalidCastException or KeyNotFoundException or OverflowException)
        {
            // PdfPig reports a broken structure with several exception types; each means the same to a person.
            return (PdfTextOutcome.Malformed, []);
        }
    }

    /// <summary>
    /// The facts in <paramref name="lines"/>. <paramref name="otherCompanies"/> are company names known besides the
    /// vocabulary (those listed coaches name, the coachee's quiz targets), by <see cref="CompanyKey"/>.
    /// <paramref name="today"/> ends "present".
    /// </summary>
    public static CvFacts Read(IReadOnlyList<string> lines, IReadOnlyDictionary<string, string> otherCompanies, DateOnly today)
    {
        if (lines.Count == 0) return new CvFacts { HasText = false };
        var text = string.Join("\n", lines);
        var skills = Vocabulary.Skills.FindIn(text).Select(t => t.Name).Take(MaxSkills).ToList();

        // Sections: lines under an "Education" heading do not count as work.
        var work = new bool[lines.Count];
        var inEducation = false;
        for (var i = 0; i < lines.Count; i++)
        {
            if (Heading().Match(lines[i]) is { Success: true } h) inEducation = h.Groups["education"].Success;
            work[i] = !inEducation && !EducationWords().IsMatch(lines[i]);
        }

        // Date ranges of work: their union is the experience; the one ending last is the current or latest job.
        var spans = new List<(int From, int To, int Line)>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (!work[i]) continue;
            foreach (Match m in Range().Matches(lines[i]))
                if (Month(m.Groups["fm"].Value, m.Groups["fy"].Value, today) is { } from && Month(m.Groups["tm"].Value, m.Groups["ty"].Value, today, m.Groups["now"].Success) is { } to && to >= from)
                    spans.Add((from, Math.Min(to, today.Year * 12 + today.Month - 1), i));
        }

        // Employers: a known company named on a line of work with a date, on the line just before or after it, or after " at ".
        var employers = new List<string>();
        var dated = spans.Select(s => s.Line).ToHashSet();
        void Add(string name)
        {
            if (employers.Count < MaxEmployers && !employers.Contains(name, StringComparer.OrdinalIgnoreCase)) employers.Add(name);
        }
        for (var i = 0; i < lines.Count; i++)
        {
            if (!work[i]) continue;
            var nearDate = dated.Contains(i) || dated.Contains(i - 1) || dated.Contains(i + 1);
            foreach (var company in Vocabulary.Companies.Terms)
                if (company.Pattern.Match(lines[i]) is { Success: true } m && (nearDate || At().IsMatch(lines[i][..m.Index]))) Add(company.Name);
            // Names coaches and quizzes use: capitalised runs of one to three words, compared by their letters and digits.
            var words = Words().Matches(lines[i]);
            for (var w = 0; w < words.Count; w++)
            {
                if (!char.IsUpper(words[w].Value[0])) continue;
                for (var n = 1; n <= 3 && w + n <= words.Count; n++)
                {
                    var first = words[w];
                    var last = words[w + n - 1];
                    var key = CompanyKey(lines[i][first.Index..(last.Index + last.Length)]);
                    if (key.Length >= 2 && otherCompanies.TryGetValue(key, out var name) && (nearDate || At().IsMatch(lines[i][..first.Index])))
                        Add(Vocabulary.Companies.Find(name)?.Name ?? name);
                }
            }
        }

        int? years = null;
        if (YearsStatement().Match(text) is { Success: true } stated) years = int.Parse(stated.Groups["n"].Value, CultureInfo.InvariantCulture);
        else if (spans.Count > 0) years = Union(spans.Select(s => (s.From, s.To))) / 12;
        if (years is > 60) years = null;

        // The title of the latest job: on its dated line or the lines around it; else the first title near the top.
        string? title = null;
        if (spans.Count > 0)
        {
            var latest = spans.OrderByDescending(s => s.To).ThenBy(s => s.Line).First().Line;
            foreach (var i in new[] { latest, latest - 1, latest + 1, latest - 2 })
                if (i >= 0 && i < lines.Count && Title().Match(lines[i]) is { Success: true } t) { title = Clean(t.Value); break; }
        }
        title ??= lines.Take(6).Select(l => Title().Match(l)).FirstOrDefault(m => m.Success) is { } top ? Clean(top.Value) : null;

        return new CvFacts
        {
            Skills = skills, Employers = employers, YearsOfExperience = years, Title = title, Seniority = SeniorityOf(title, years),
        };
    }

    /// <summary>The level a title names (Junior, Senior, Staff, Principal, a manager); a title without one, by the years.</summary>
    public static string? SeniorityOf(string? title, int? years)
    {
        if (title is not null)
        {
            if (ManagerWords().IsMatch(title)) return "manager";
            if (Regex.IsMatch(title, @"\b(Principal|Distinguished|Fellow)\b", RegexOptions.IgnoreCase)) return "principal";
            if (Regex.IsMatch(title, @"\bStaff\b", RegexOptions.IgnoreCase)) return "staff";
            if (Regex.IsMatch(title, @"\b(Senior|Sr\.?|Lead)(?=\W|$)", RegexOptions.IgnoreCase)) return "senior";
            if (Regex.IsMatch(title, @"\b(Junior|Jr\.?|Intern|Graduate|Trainee|Associate)(?=\W|$)", RegexOptions.IgnoreCase)) return "junior";
        }
        return years switch { null => null, < 2 => "junior", < 5 => "mid", _ => "senior" };
    }

    /// <summary>Months covered by the spans, overlaps counted once.</summary>
    private static int Union(IEnumerable<(int From, int To)> spans)
    {
        var total = 0;
        var end = int.MinValue;
        foreach (var (from, to) in spans.OrderBy(s => s.From))
        {
            var start = Math.Max(from, end);
            if (to > start) total += to - start;
            end = Math.Max(end, to);
        }
        return total;
    }

    /// <summary>A month as year * 12 + month − 1; a year alone is its January; "present" is this month.</summary>
    private static int? Month(string month, string year, DateOnly today, bool now = false)
    {
        if (now) return today.Year * 12 + today.Month - 1;
        if (!int.TryParse(year, CultureInfo.InvariantCulture, out var y)) return null;
        if (year.Length == 2) y += 2000;
        var m = 0;
        if (month.Length > 0)
        {
            if (int.TryParse(month.TrimEnd('/', '.'), CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 12) m = n - 1;
            else if (Array.FindIndex(Months, x => month.StartsWith(x, StringComparison.OrdinalIgnoreCase)) is >= 0 and var i) m = i;
        }
        return y is < 1960 || y > today.Year ? null : y * 12 + m;
    }

    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>A company name by its letters and digits, lower case: "Booking.com" and "booking com" are one company.</summary>
    public static string CompanyKey(string name) => new string(name.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();

    private static string Clean(string title)
    {
        var t = title.Trim(' ', ',', '-', '|', '–', '—');
        return t.Length > MaxTitleLength ? t[..MaxTitleLength] : t;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}.&'-]*")]
    private static partial Regex Words();

    [GeneratedRegex(@"^\s*(?:(?<education>Education|Academic background|Qualifications)|Experience|Work experience|Professional experience|Work history|Employment|Employment history|Career|Skills|Projects|Languages|Certifications|Summary|Profile)\s*:?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Heading();

    [GeneratedRegex(@"\b(University|Universität|College|School|Bachelor|Master|B\.?Sc|M\.?Sc|B\.?A\.|M\.?A\.|Ph\.?D|Degree|Diploma|Bootcamp)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EducationWords();

    /// <summary>"Mar 2019 – present", "03/2019 - 2021", "2017 to 2019", "since 2020".</summary>
    [GeneratedRegex(@"(?:(?<fm>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+|\d{1,2}/)?(?<fy>(?:19|20)\d{2})\s*(?:–|—|-|to|until|till)\s*(?:(?<tm>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+|\d{1,2}/)?(?<ty>(?:19|20)\d{2})|(?<now>present|current|now|today|ongoing|heute)))|(?:since\s+(?<fm>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+)?(?<fy>(?:19|20)\d{2})(?<now>))", RegexOptions.IgnoreCase)]
    private static partial Regex Range();

    [GeneratedRegex(@"\b(?<n>\d{1,2})\+?\s*(?:years|yrs)\.?\s+(?:of\s+)?(?:professional\s+|industry\s+|hands-on\s+|software\s+|engineering\s+|development\s+|work\s+)*experience", RegexOptions.IgnoreCase)]
    private static partial Regex YearsStatement();

    [GeneratedRegex(@"(?:^|\s)(?:at|@)\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex At();

    [GeneratedRegex(@"\b(Manager|Director|Head of|VP|Vice President|CTO|Chief Technology Officer)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ManagerWords();

    [GeneratedRegex(@"(?:\b(?:Senior|Sr\.|Sr|Staff|Principal|Lead|Junior|Jr\.|Jr|Distinguished|Associate|Graduate|Chief|Head of)\s+)*(?:\b(?:Software|Backend|Back-end|Back End|Frontend|Front-end|Front End|Full[- ]?stack|Data|Machine Learning|ML|AI|Mobile|iOS|Android|Platform|Infrastructure|Cloud|DevOps|Site Reliability|Security|QA|Test|Systems|Embedded|Game|Web|Research|Solutions|Product|Engineering)\s+)*\b(?:Engineering Manager|Engineer|Developer|Programmer|Scientist|Architect|SRE|Director of Engineering|VP of Engineering|Vice President of Engineering|Head of Engineering|CTO|Tech Lead|Team Lead|Technical Lead|Intern)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Title();
}
