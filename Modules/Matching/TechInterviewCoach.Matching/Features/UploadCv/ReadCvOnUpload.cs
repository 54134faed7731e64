namespace TechInterviewCoach.Matching.Features;

/// <summary>
/// The reading step of an upload: the PDF's text, then what matching needs from it (<see cref="CvReader"/>). Runs
/// before anything is stored, so a PDF that cannot be read leaves the previous CV and its reading as they were.
/// </summary>
internal static class ReadCvOnUpload
{
    public static async Task<CvFacts> ReadAsync(MatchingDbContext db, MatchSnapshotCache snapshots, Guid userId, byte[] pdf, DateOnly today, CancellationToken ct)
    {
        var (outcome, lines) = CvReader.Text(pdf);
        if (outcome == PdfTextOutcome.Encrypted)
            throw new InputException("cv_encrypted", "file", "This PDF is protected with a password, so we cannot read it. Save a copy without a password and upload that. Your previous CV is kept.");
        if (outcome == PdfTextOutcome.Malformed)
            throw new InputException("cv_unreadable", "file", "This PDF is damaged, so we cannot read it. Export it again from your editor and upload the new file. Your previous CV is kept.");
        if (lines.Count == 0) return new CvFacts { HasText = false };

        // Companies known besides the vocabulary: those listed coaches name, and the coachee's own quiz targets.
        var known = new Dictionary<string, string>(StringComparer.Ordinal);
        var snapshot = await snapshots.GetAsync(db, ct);
        for (var i = 0; i < snapshot.CompanyIds.Length; i++)
            known.TryAdd(CvReader.CompanyKey(snapshot.CompanyNames[i]), snapshot.CompanyNames[i]);
        var quiz = await db.QuizSubmissions.AsNoTracking().Where(s => s.UserId == userId).OrderByDescending(s => s.SubmittedAt).Select(s => s.AnswersJson).FirstOrDefaultAsync(ct);
        if (quiz is not null)
            foreach (var company in MatchingJson.Read<QuizAnswers>(quiz).TargetCompanies) known.TryAdd(CvReader.CompanyKey(company), company);
        return CvReader.Read(lines, known, today);
    }

    /// <summary>Replaces the person's reading with <paramref name="facts"/> (tracked; the caller saves).</summary>
    public static async Task StoreAsync(MatchingDbContext db, Guid userId, CvFacts facts, DateTime now, CancellationToken ct)
    {
        var row = await db.CvReadings.FindAsync([userId], ct);
        if (row is null) db.CvReadings.Add(row = new CvReading { UserId = userId });
        row.Apply(facts);
        row.ReadAt = now;
        row.CorrectedAt = null;
    }
}

internal static class CvReadingRows
{
    public static CvFacts Facts(this CvReading row) => new()
    {
        HasText = row.HasText, Skills = MatchingJson.Read<List<string>>(row.SkillsJson), Employers = MatchingJson.Read<List<string>>(row.EmployersJson),
        YearsOfExperience = row.YearsOfExperience, Title = row.Title, Seniority = row.Seniority,
    };

    public static void Apply(this CvReading row, CvFacts facts)
    {
        row.HasText = facts.HasText;
        row.SkillsJson = MatchingJson.Write(facts.Skills);
        row.EmployersJson = MatchingJson.Write(facts.Employers);
        row.YearsOfExperience = facts.YearsOfExperience;
        row.Title = facts.Title;
        row.Seniority = facts.Seniority;
    }

    /// <summary>The person's reading as the app uses it, or null without one.</summary>
    public static async Task<CvFacts?> FactsAsync(MatchingDbContext db, Guid userId, CancellationToken ct) =>
        await db.CvReadings.AsNoTracking().SingleOrDefaultAsync(r => r.UserId == userId, ct) is { } row ? row.Facts() : null;
}
