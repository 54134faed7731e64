namespace TechInterviewCoach.Matching.Features;

/// <summary>A listing as its coach fills it in (the API's body): the price in minor units of <see cref="Currency"/>.</summary>
internal record ListingInput
{
    public string Title { get; init; } = "";
    public string Description { get; init; } = "";
    public ListingKind Kind { get; init; }
    /// <summary>1 for a single session; 2–20 for a package.</summary>
    public int Sessions { get; init; } = 1;
    public int SessionMinutes { get; init; } = 60;
    public long PriceMinor { get; init; }
    public string Currency { get; init; } = "USD";
    /// <summary>A package's sessions are booked within this many days of paying (7–365).</summary>
    public int ValidityDays { get; init; } = Listings.DefaultValidityDays;
    /// <summary>The coach's own https meeting link; null or empty: the platform makes a room for each session.</summary>
    public string? MeetingUrl { get; init; }
}

/// <summary>
/// A coach adds a listing (<see cref="ListingId"/> null: it starts unpublished, and needs a profile) or changes one of
/// theirs (orders already placed keep the price they were charged). The input is trimmed before it is validated.
/// </summary>
internal sealed record SaveListing : ListingInput, IRequest<ListingView>
{
    public SaveListing(Guid coachId, Guid? listingId, ListingInput input)
        : base(input with { Title = input.Title?.Trim() ?? "", Description = input.Description?.Trim() ?? "", Currency = input.Currency?.Trim().ToUpperInvariant() ?? "",
            MeetingUrl = string.IsNullOrWhiteSpace(input.MeetingUrl) ? null : input.MeetingUrl.Trim() })
    {
        CoachId = coachId;
        ListingId = listingId;
    }

    public Guid CoachId { get; }
    public Guid? ListingId { get; }
}

internal sealed class SaveListingValidator : AbstractValidator<SaveListing>
{
    /// <summary>A listing costs at most 20,000 major units (e.g. USD 20,000.00 for a package); anything above is a typo.</summary>
    public const long MaxPriceMajor = 20_000;

    public SaveListingValidator()
    {
        RuleFor(l => l.Title).NotEmpty().WithMessage("Give the listing a title.").MaximumLength(120);
        RuleFor(l => l.Description).MaximumLength(2000);
        RuleFor(l => l.Kind).IsInEnum().WithMessage("Choose single session or package.");
        RuleFor(l => l.Sessions).InclusiveBetween(2, 20).When(l => l.Kind == ListingKind.Package)
            .WithMessage("A package has 2 to 20 sessions.");
        RuleFor(l => l.SessionMinutes).InclusiveBetween(30, 180).WithMessage("A session lasts 30 to 180 minutes.");
        RuleFor(l => l.Currency).Must(Currencies.IsSupported).WithMessage("Choose a supported currency.");
        RuleFor(l => l.PriceMinor).GreaterThan(0).WithMessage("The price must be above zero.")
            .Must((l, p) => !Currencies.IsSupported(l.Currency) || p <= MaxPriceMajor * Currencies.MinorPerMajor(l.Currency))
            .WithMessage(l => $"The price can be at most {Currencies.Format(MaxPriceMajor * Currencies.MinorPerMajor(l.Currency), l.Currency)}.");
        RuleFor(l => l.ValidityDays).InclusiveBetween(Listings.MinValidityDays, Listings.MaxValidityDays).WithErrorCode("bad_validity")
            .WithMessage($"A package is valid for {Listings.MinValidityDays} to {Listings.MaxValidityDays} days.");
        RuleFor(l => l.MeetingUrl).Must(IsHttpsUrl).When(l => l.MeetingUrl is not null).WithErrorCode("bad_meeting_url")
            .WithMessage("Give a meeting link that starts with https://.");
        RuleFor(l => l.MeetingUrl).MaximumLength(500);
    }

    public static bool IsHttpsUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme == Uri.UriSchemeHttps && !string.IsNullOrEmpty(u.Host);
}

internal sealed class SaveListingHandler(MatchingDbContext db, TimeProvider time) : IRequestHandler<SaveListing, ListingView>
{
    public async Task<ListingView> Handle(SaveListing request, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        Listing listing;
        if (request.ListingId is { } id) listing = await db.OwnListingAsync(request.CoachId, id, ct);
        else
        {
            if (!await db.CoachProfiles.AnyAsync(p => p.CoachId == request.CoachId, ct))
                throw new ConflictException("profile_required", "Create your coach profile before adding listings.");
            listing = new Listing { Id = Guid.CreateVersion7(), CoachId = request.CoachId, CreatedAt = now.UtcDateTime };
            db.Listings.Add(listing);
        }
        listing.Title = request.Title;
        listing.Description = request.Description;
        listing.Kind = request.Kind;
        listing.Sessions = request.Kind == ListingKind.Single ? 1 : request.Sessions;
        listing.SessionMinutes = request.SessionMinutes;
        listing.PriceMinor = request.PriceMinor;
        listing.Currency = request.Currency;
        listing.ValidityDays = request.ValidityDays;
        listing.MeetingUrl = request.MeetingUrl;
        listing.UpdatedAt = now.UtcDateTime;
        if (request.ListingId is null) await db.SaveChangesAsync(ct); // a new listing is unpublished: the listed coaches do not change
        else
        {
            await ListedState.RefreshAsync(db, request.CoachId, now, ct);
            await db.SaveAndBumpAsync(ct);
        }
        return listing.ToView();
    }
}

internal static class SaveListingEndpoint
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/coach/listings", async Task<Created<ListingView>> (ListingInput body, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
            {
                var l = await m.Send(new SaveListing(user.GetUserId(), null, body), ct);
                return TypedResults.Created($"/api/matching/coach/listings/{l.Id}", l);
            })
            .RequireAuthorization(Policies.Coach).RequireRateLimiting(RateLimitPolicies.Writes).WithSummary("Creates a listing (unpublished).");
        group.MapPut("/coach/listings/{id:guid}", async Task<Ok<ListingView>> (Guid id, ListingInput body, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new SaveListing(user.GetUserId(), id, body), ct)))
            .RequireAuthorization(Policies.Coach).RequireRateLimiting(RateLimitPolicies.Writes);
    }
}
