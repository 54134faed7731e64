using System.Reflection;
using System.Text.RegularExpressions;

namespace TechInterviewCoach.Matching.Domain;

/// <summary>One term of a vocabulary: its position (a stable id within this build), its name as shown, and the ways it is written.</summary>
internal sealed record Term(int Id, string Name, IReadOnlyList<string> Aliases, Regex Pattern);

/// <summary>
/// The curated vocabularies the CV is read with (Skills.csv, Companies.csv, embedded in the module). Coaches declare
/// skills from the same list, so a skill read from a CV and a skill a coach coaches are the same term.
/// </summary>
internal sealed class Vocabulary
{
    private readonly Dictionary<string, Term> _byWriting = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<Term> Terms { get; }

    public static Vocabulary Skills { get; } = Load("Skills.csv", caseSensitiveNames: false);
    public static Vocabulary Companies { get; } = Load("Companies.csv", caseSensitiveNames: true);

    private Vocabulary(IReadOnlyList<Term> terms)
    {
        Terms = terms;
        foreach (var t in terms)
        {
            _byWriting.TryAdd(t.Name, t);
            foreach (var a in t.Aliases) _byWriting.TryAdd(a, t);
        }
    }

    /// <summary>The term written as <paramref name="text"/> (its name or an alias, any case), or null.</summary>
    public Term? Find(string? text) => text is null ? null : _byWriting.GetValueOrDefault(text.Trim());

    public Term? ById(int id) => id >= 0 && id < Terms.Count ? Terms[id] : null;

    /// <summary>Terms written somewhere in <paramref name="text"/>, in the order they first appear.</summary>
    public IReadOnlyList<Term> FindIn(string text) =>
        Terms.Select(t => (Term: t, Match: t.Pattern.Match(text))).Where(x => x.Match.Success).OrderBy(x => x.Match.Index).Select(x => x.Term).ToList();

    /// <summary>
    /// A pattern for a list of writings: whole words only (no letter or digit either side, no + or # around "C++" or
    /// "C#", no dot before), so "Go" is not found in "Google", "Java" in "JavaScript" nor "JS" in "React.js".
    /// </summary>
    public static Regex Pattern(IEnumerable<string> writings, IEnumerable<string> exactCase)
    {
        static string Word(string w) => $@"(?<![\p{{L}}\p{{N}}+#.]){Regex.Escape(w)}(?![\p{{L}}\p{{N}}+#]|\.[\p{{L}}\p{{N}}])";
        var parts = writings.Select(w => $"(?i:{Word(w)})").Concat(exactCase.Select(w => $"(?-i:{Word(w)}(?!-))"));
        return new Regex(string.Join("|", parts), RegexOptions.CultureInvariant);
    }

    private static Vocabulary Load(string file, bool caseSensitiveNames)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"TechInterviewCoach.Matching.Domain.{file}")
                           ?? throw new InvalidOperationException($"The vocabulary {file} is not embedded.");
        using var reader = new StreamReader(stream);
        var terms = new List<Term>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var parts = line.Split(';');
            var name = parts[0].Trim();
            var aliases = parts.Length > 1 ? parts[1].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
            var flags = parts.Length > 2 ? parts[2].Trim() : "";
            var writings = flags == "aliases-only" ? aliases : [name, .. aliases];
            var pattern = caseSensitiveNames ? Pattern([], writings)
                : flags == "cs" ? Pattern(aliases, [name])
                : Pattern(writings, []);
            terms.Add(new Term(terms.Count, name, aliases, pattern));
        }
        return new Vocabulary(terms);
    }
}
