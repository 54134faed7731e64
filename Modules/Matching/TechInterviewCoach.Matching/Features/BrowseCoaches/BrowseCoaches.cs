namespace TechInterviewCoach.Matching.Features;

/// <summary>
/// Anyone searches the directory of listed coaches: words in the name, headline, companies (worked at or interviewed for)
/// or skills; interview type, language
/// and role; a price range typed in major units of <see cref="Currency"/>; a weekly hour (<see cref="Day"/> + <see cref="Hour"/>
/// in <see cref="TimeZone"/>) the coach is available in; sorted by best match (a signed-in coachee with a quiz), price, rating
/// or responsiveness, else newest coaches first; in pages. <see cref="Hour"/> is the text as typed in the query: one that is
/// not a whole number is refused as <c>bad_filter</c>, like the other filters, never ignored.
/// </summary>
internal sealed record BrowseCoaches(string? Query = null, string? InterviewType = null, string? Language = null, string? Role = null,
    string? Currency = null, string? MinPrice = null, string? MaxPrice = null, string? Day = null, string? Hour = null, string? TimeZone = null,
    string? Sort = null, Guid? ViewerId = null, int Page = 1, int PageSize = 20) : IRequest<Paged<CoachCard>>
{
    public const int MaxQueryLength = 200;
    public static readonly string[] Sorts = ["match", "price", "rating", "responsiveness"];
    public static readonly string[] Days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
}

internal sealed class BrowseCoachesValidator : AbstractValidator<BrowseCoaches>
{
    public BrowseCoachesValidator()
    {
        RuleFor(r => r.Query).MaximumLength(BrowseCoaches.MaxQueryLength).WithErrorCode("search_too_long")
            .WithMessage($"Search for at most {BrowseCoaches.MaxQueryLength} characters.");
        RuleFor(r => r.Query).Must(q => q is null || !q.Any(char.IsControl)).WithErrorCode("bad_search")
            .WithMessage("The search holds characters that cannot be typed: use letters, digits and spaces.");
        RuleFor(r => r.Sort).Must(s => string.IsNullOrEmpty(s) || BrowseCoaches.Sorts.Contains(s)).WithErrorCode("unknown_sort")
            .WithMessage("Unknown sort: choose best match, price, rating or responsiveness.");
        RuleFor(r => r.Day).Must(d => string.IsNullOrEmpty(d) || BrowseCoaches.Days.Contains(d)).WithErrorCode("unknown_filter")
            .WithMessage("Unknown day: choose one from the list.");
        RuleFor(r => r.Hour).Must(h => BrowseCoachesHandler.ParseHour(h) is not { } v || v is >= 0 and <= 23).WithErrorCode("unknown_filter").WithMessage("Choose an hour from 0 to 23.");
        RuleFor(r => r.Hour).NotEmpty().When(r => !string.IsNullOrEmpty(r.Day)).WithErrorCode("unknown_filter").WithMessage("Choose an hour for the day.");
        RuleFor(r => r.Day).NotEmpty().When(r => !string.IsNullOrWhiteSpace(r.Hour)).WithErrorCode("unknown_filter").WithMessage("Choose a day for the hour.");
        RuleFor(r => r.TimeZone).Must(z => string.IsNullOrEmpty(z) || UserTime.IsKnown(z)).WithErrorCode("unknown_filter")
            .WithMessage("Unknown time zone.");
        RuleFor(r => r.Currency).Must(c => string.IsNullOrEmpty(c) || Currencies.IsSupported(c)).WithErrorCode("unknown_filter")
            .WithMessage("Unknown currency: choose one from the list.");
    }
}

internal sealed class BrowseCoachesHandler(MatchingDbContext db, MatchSnapshotCache cache, IMediator mediator, CoachCardCache cards, TimeProvider time)
    : IRequestHandler<BrowseCoaches, Paged<CoachCard>>
{
    public async Task<Paged<CoachCard>> Handle(BrowseCoaches r, CancellationToken ct)
    {
        var (page, size) = CoachCards.Clamp(r.Page, r.PageSize);
        var type = QuizDefinition.FilterMask(QuizDefinition.InterviewTypes, r.InterviewType, "interviewType");
        var lang = QuizDefinition.FilterMask(QuizDefinition.Languages, r.Language, "language");
        var role = QuizDefinition.FilterMask(QuizDefinition.Roles, r.Role, "role");
        var currency = string.IsNullOrEmpty(r.Currency) ? "USD" : r.Currency.ToUpperInvariant();
        var min = Price(r.MinPrice, currency, "minPrice");
        var max = Price(r.MaxPrice, currency, "maxPrice");
        if (min is { } lo && max is { } hi && lo > hi) throw new InputException("bad_filter", "maxPrice", "The highest price is below the lowest.");
        int? hour = string.IsNullOrWhiteSpace(r.Hour) ? null
            : ParseHour(r.Hour) ?? throw new InputException("bad_filter", "hour", "The hour is not a number: choose one from the list (0 to 23).");
        var terms = (r.Query ?? "").ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

        var snapshot = await cache.GetAsync(db, ct);
        var cur = snapshot.CurrencyIndex(currency);
        var slots = HourSlots(r.Day, hour, r.TimeZone);
        var matching = snapshot.Search(type, lang, role, cur, min, max, slots, terms);

        // Without a sort: newest coaches first (ids are version 7, so a later id is a later sign-up).
        IEnumerable<int> ordered = Enumerable.Reverse(matching);
        switch (r.Sort)
        {
            case "price":
                ordered = matching.OrderBy(i => snapshot.MinPriceAt(i, cur) ?? long.MaxValue);
                break;
            case "rating": // unrated coaches last
                ordered = matching.OrderByDescending(i => snapshot.RatingCount[i] > 0 ? snapshot.RatingAverage[i] : -1f).ThenByDescending(i => snapshot.RatingCount[i]);
                break;
            case "responsiveness":
                ordered = matching.OrderBy(i => float.IsNaN(snapshot.MedianReply[i]) ? float.MaxValue : snapshot.MedianReply[i]);
                break;
            case "match" or null or "" when r.ViewerId is { } viewer:
                var quizJson = await db.QuizSubmissions.AsNoTracking().Where(q => q.UserId == viewer)
                    .OrderByDescending(q => q.SubmittedAt).Select(q => q.AnswersJson).FirstOrDefaultAsync(ct);
                if (quizJson is null) break;
                // The same seeker as /matches (quiz and CV), so best match here is the order of the matches page.
                var seeker = Scoring.Seeker(MatchingJson.Read<QuizAnswers>(quizJson), snapshot, await CvReadingRows.FactsAsync(db, viewer, ct));
                ordered = matching.OrderByDescending(i => Scoring.Points(seeker, snapshot, i)); // stable: ties keep id order
                break;
        }
        var ids = ordered.Skip((page - 1) * size).Take(size).Select(i => snapshot.Ids[i]).ToList();
        return new Paged<CoachCard>(await CoachCards.LoadAsync(db, mediator, ids, ct, cards, snapshot), matching.Count, page, size);
    }

    /// <summary>The hour as typed, when it is a whole number; null otherwise (the range is the validator's).</summary>
    public static int? ParseHour(string? typed) =>
        int.TryParse(typed, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var h) ? h : null;

    private static long? Price(string? typed, string currency, string field)
    {
        if (string.IsNullOrWhiteSpace(typed)) return null;
        return Currencies.TryParseMajor(typed, currency, out var minor, out var error) ? minor : throw new InputException("bad_price", field, error);
    }

    /// <summary>The two half-hours in UTC on the reference week of the hour the viewer chose in their zone; null without a day.</summary>
    private int[]? HourSlots(string? day, int? hour, string? timeZone)
    {
        if (string.IsNullOrEmpty(day) || hour is not { } h) return null;
        var monday = WeekSlots.ReferenceMondayUtc(time.GetUtcNow().UtcDateTime);
        var local = DateTime.SpecifyKind(monday.AddDays(Array.IndexOf(BrowseCoaches.Days, day)).AddHours(h), DateTimeKind.Unspecified);
        var tz = UserTime.Find(timeZone);
        if (tz.IsInvalidTime(local)) local = local.AddHours(1);
        var utc = TimeZoneInfo.ConvertTimeToUtc(local, tz);
        var first = (int)Math.Floor((utc - monday).TotalMinutes / 30.0);
        return [Wrap(first), Wrap(first + 1)];
        static int Wrap(int slot) => ((slot % WeekSlots.SlotsPerWeek) + WeekSlots.SlotsPerWeek) % WeekSlots.SlotsPerWeek;
    }
}

internal static class BrowseCoachesEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/coaches", async Task<Ok<Paged<CoachCard>>> (string? q, string? interviewType, string? language, string? role, string? currency,
                string? minPrice, string? maxPrice, string? day, string? hour, string? tz, string? sort, int? page, int? pageSize,
                ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new BrowseCoaches(q, interviewType, language, role, currency, minPrice, maxPrice, day, hour,
                    tz ?? user.FindFirstValue(AppClaims.TimeZone), sort, user.TryGetUserId(), page ?? 1, pageSize ?? 20), ct)))
            .AllowAnonymous()
            .WithSummary("The public directory of listed coaches: search (q), filters, sort (match, price, rating, responsiveness) and pages. "
                + "minPrice/maxPrice are typed in major units of currency (default USD); day + hour are in tz (default: yours, else UTC).");
}
