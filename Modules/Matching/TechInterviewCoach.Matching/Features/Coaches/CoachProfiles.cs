using TechInterviewCoach.BuildingBlocks.Persistence;
using System.Security.Claims;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TechInterviewCoach.BuildingBlocks.Application;
using TechInterviewCoach.BuildingBlocks.Web;
using TechInterviewCoach.Matching.Contracts;
using TechInterviewCoach.Matching.Data;
using TechInterviewCoach.Matching.Domain;
using TechInterviewCoach.SharedKernel;
using TechInterviewCoach.Integrations.Contracts;

namespace TechInterviewCoach.Matching.Features.Coaches;

internal sealed record ProfileInput
{
    public string Headline { get; init; } = "";
    public string Bio { get; init; } = "";
    public int YearsOfExperience { get; init; }
    public List<string> Companies { get; init; } = [];
    /// <summary>Skills and technologies coached, from the vocabulary (GET /api/matching/cv/skills); aliases are accepted.</summary>
    public List<string> Skills { get; init; } = [];
    public List<string> Roles { get; init; } = [];
    public List<string> InterviewTypes { get; init; } = [];
    public Dictionary<string, int> CoachedCounts { get; init; } = [];
    public List<string> Languages { get; init; } = [];
    public string TimeZone { get; init; } = "";
    public List<WeeklyWindow> Availability { get; init; } = [];
    /// <summary>Show the profile in the directory (it is listed only while payouts are enabled and a listing is published).</summary>
    public bool IsPublished { get; init; } = true;
}

internal sealed record ProfileView(ProfileInput Profile, bool IsListed, bool PayoutsEnabled, bool HasPublishedListing);

internal sealed record GetMyProfile(Guid CoachId) : IRequest<ProfileView?>;
internal sealed record SaveProfile(Guid CoachId, ProfileInput Input) : IRequest<Unit>;

internal sealed class ProfileInputValidator : AbstractValidator<ProfileInput>
{
    public ProfileInputValidator()
    {
        RuleFor(p => p.Headline).NotEmpty().WithMessage("Write a headline.").MaximumLength(160);
        RuleFor(p => p.Bio).MaximumLength(4000);
        RuleFor(p => p.YearsOfExperience).InclusiveBetween(0, 60).WithMessage("Years of experience is 0 to 60.");
        RuleFor(p => p.Companies).Must(c => c.Count <= 20).WithMessage("Name at most 20 companies.");
        RuleForEach(p => p.Companies).NotEmpty().MaximumLength(80);
        RuleFor(p => p.Skills).Must(s => s.Count <= 30).WithMessage("Name at most 30 skills and technologies.");
        RuleForEach(p => p.Skills).Must(s => Vocabulary.Skills.Find(s) is not null)
            .WithMessage((_, s) => $"“{s}” is not in our list of skills and technologies; choose one from the suggestions.");
        RuleFor(p => p.Roles).NotEmpty().WithMessage("Choose at least one role you coach.");
        RuleForEach(p => p.Roles).Must(r => QuizDefinition.Allowed(QuizDefinition.Roles, r)).WithMessage("Choose roles from the list.");
        RuleFor(p => p.InterviewTypes).NotEmpty().WithMessage("Choose at least one interview type you coach.");
        RuleForEach(p => p.InterviewTypes).Must(r => QuizDefinition.Allowed(QuizDefinition.InterviewTypes, r)).WithMessage("Choose interview types from the list.");
        RuleFor(p => p.CoachedCounts).Must(c => c.All(kv => QuizDefinition.Allowed(QuizDefinition.InterviewTypes, kv.Key) && kv.Value is >= 0 and <= 100_000))
            .WithMessage("People coached is a number from 0 to 100,000 per interview type.");
        RuleFor(p => p.Languages).NotEmpty().WithMessage("Choose at least one language.");
        RuleForEach(p => p.Languages).Must(r => QuizDefinition.Allowed(QuizDefinition.Languages, r)).WithMessage("Choose languages from the list.");
        RuleFor(p => p.TimeZone).Must(UserTime.IsKnown).WithMessage("Choose a time zone from the list (e.g. Europe/Berlin).");
        RuleFor(p => p.Availability).Must(w => w.Count <= 28).WithMessage("Add at most 28 weekly windows.");
        RuleForEach(p => p.Availability).ChildRules(w =>
        {
            w.RuleFor(x => x.Day).IsInEnum().WithMessage("Choose a day.");
            w.RuleFor(x => x.End).Must((x, end) => end == TimeOnly.MinValue || end > x.Start).WithMessage("A window must end after it starts.");
        });
    }
}

/// <summary>Recomputes whether a coach is listed, from tracked (possibly unsaved) state; records coach_listed on the way up.</summary>
internal static class ListedState
{
    public static async Task RefreshAsync(MatchingDbContext db, Guid coachId, DateTimeOffset now, CancellationToken ct)
    {
        var profile = await db.CoachProfiles.FindAsync([coachId], ct);
        if (profile is null) return;
        var status = await db.CoachStatuses.FindAsync([coachId], ct);
        await db.Listings.Where(l => l.CoachId == coachId).LoadAsync(ct);
        var hasListing = db.Listings.Local.Any(l => l.CoachId == coachId && l.IsPublished && db.Entry(l).State != EntityState.Deleted);
        var listed = profile.IsPublished && hasListing && status is { PayoutsEnabled: true, IsSuspended: false, IsDeleted: false };
        if (listed && !profile.IsListed)
            db.Enqueue(new TrackEvent(coachId, AnalyticsEvents.CoachListed, new Dictionary<string, string>()), now);
        profile.IsListed = listed;
    }

    public static async Task<CoachStatus> StatusAsync(MatchingDbContext db, Guid coachId, CancellationToken ct)
    {
        var status = await db.CoachStatuses.FindAsync([coachId], ct);
        if (status is null) db.CoachStatuses.Add(status = new CoachStatus { CoachId = coachId });
        return status;
    }
}

internal sealed class GetMyProfileHandler(MatchingDbContext db) : IRequestHandler<GetMyProfile, ProfileView?>
{
    public async Task<ProfileView?> Handle(GetMyProfile request, CancellationToken ct)
    {
        var p = await db.CoachProfiles.AsNoTracking().SingleOrDefaultAsync(x => x.CoachId == request.CoachId, ct);
        if (p is null) return null;
        var status = await db.CoachStatuses.AsNoTracking().SingleOrDefaultAsync(x => x.CoachId == request.CoachId, ct);
        var hasListing = await db.Listings.AnyAsync(l => l.CoachId == request.CoachId && l.IsPublished, ct);
        var d = MatchingJson.Read<CoachDetails>(p.DetailsJson);
        return new ProfileView(new ProfileInput
        {
            Headline = p.Headline, Bio = p.Bio, YearsOfExperience = p.YearsOfExperience, Companies = d.Companies, Skills = d.Skills, Roles = d.Roles,
            InterviewTypes = d.InterviewTypes, CoachedCounts = d.CoachedCounts, Languages = d.Languages, TimeZone = p.TimeZone,
            Availability = d.Availability, IsPublished = p.IsPublished,
        }, p.IsListed, status?.PayoutsEnabled == true, hasListing);
    }
}

internal sealed class SaveProfileHandler(MatchingDbContext db, TimeProvider time) : IRequestHandler<SaveProfile, Unit>
{
    public async Task<Unit> Handle(SaveProfile request, CancellationToken ct)
    {
        var i = request.Input;
        i = i with
        {
            Headline = i.Headline?.Trim() ?? "", Bio = i.Bio?.Trim() ?? "", TimeZone = i.TimeZone?.Trim() ?? "",
            Companies = (i.Companies ?? []).Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            Skills = (i.Skills ?? []).Select(s => s.Trim()).Where(s => s.Length > 0).ToList(),
            Roles = (i.Roles ?? []).Distinct().ToList(), InterviewTypes = (i.InterviewTypes ?? []).Distinct().ToList(),
            Languages = (i.Languages ?? []).Distinct().ToList(), CoachedCounts = i.CoachedCounts ?? [], Availability = i.Availability ?? [],
        };
        var result = await new ProfileInputValidator().ValidateAsync(i, ct);
        if (!result.IsValid) throw new ValidationException(result.Errors);
        var now = time.GetUtcNow();
        // Two saves at once both find no profile; the second insert is retried as an update.
        await db.RetryOnRaceAsync(async c =>
        {
            var p = await db.CoachProfiles.FindAsync([request.CoachId], c);
            if (p is null) db.CoachProfiles.Add(p = new CoachProfile { CoachId = request.CoachId });
            p.Headline = i.Headline;
            p.Bio = i.Bio;
            p.YearsOfExperience = i.YearsOfExperience;
            p.TimeZone = i.TimeZone;
            p.IsPublished = i.IsPublished;
            p.DetailsJson = MatchingJson.Write(new CoachDetails
            {
                Companies = i.Companies, Roles = i.Roles,
                Skills = i.Skills.Select(s => Vocabulary.Skills.Find(s)!.Name).Distinct().ToList(), InterviewTypes = i.InterviewTypes, Languages = i.Languages, Availability = i.Availability,
                CoachedCounts = i.CoachedCounts.Where(kv => kv.Value > 0 && i.InterviewTypes.Contains(kv.Key)).ToDictionary(),
            });
            p.UpdatedAt = now.UtcDateTime;
            await ListedState.RefreshAsync(db, request.CoachId, now, c);
            await db.SaveAndBumpAsync(c);
        }, ct);
        return Unit.Value;
    }
}

internal sealed record ListingInput
{
    public string Title { get; init; } = "";
    public string Description { get; init; } = "";
    public ListingKind Kind { get; init; }
    /// <summary>1 for a single session; 2–20 for a package.</summary>
    public int Sessions { get; init; } = 1;
    public int SessionMinutes { get; init; } = 60;
    public long PriceMinor { get; init; }
    public string Currency { get; init; } = "USD";
}

internal sealed record ListingView(Guid Id, string Title, string Description, ListingKind Kind, int Sessions, int SessionMinutes,
    long PriceMinor, string Currency, string Price, bool IsPublished);

internal sealed record GetMyListings(Guid CoachId) : IRequest<IReadOnlyList<ListingView>>;
internal sealed record CreateListing(Guid CoachId, ListingInput Input) : IRequest<ListingView>;
internal sealed record UpdateListing(Guid CoachId, Guid ListingId, ListingInput Input) : IRequest<ListingView>;
internal sealed record SetListingPublished(Guid CoachId, Guid ListingId, bool Published) : IRequest<ListingView>;

internal sealed class ListingInputValidator : AbstractValidator<ListingInput>
{
    /// <summary>A listing costs at most 20,000 major units (e.g. USD 20,000.00 for a package); anything above is a typo.</summary>
    public const long MaxPriceMajor = 20_000;

    public ListingInputValidator()
    {
        RuleFor(l => l.Title).NotEmpty().WithMessage("Give the listing a title.").MaximumLength(120);
        RuleFor(l => l.Description).MaximumLength(2000);
        RuleFor(l => l.Kind).IsInEnum().WithMessage("Choose single session or package.");
        RuleFor(l => l.Sessions).InclusiveBetween(2, 20).When(l => l.Kind == ListingKind.Package)
            .WithMessage("A package has 2 to 20 sessions.");
        RuleFor(l => l.SessionMinutes).InclusiveBetween(30, 180).WithMessage("A session lasts 30 to 180 minutes.");
        RuleFor(l => l.Currency).Must(Currencies.IsSupported).WithMessage("Choose a supported currency.");
        RuleFor(l => l.PriceMinor).GreaterThan(0).WithMessage("The price must be above zero.")
            .Must((l, p) => !Currencies.IsSupported(l.Currency) || p <= MaxPriceMajor * (long)Math.Pow(10, Currencies.Exponent(l.Currency)))
            .WithMessage(l => $"The price can be at most {Currencies.Format(MaxPriceMajor * Currencies.MinorPerMajor(l.Currency), l.Currency)}.");
    }
}

internal static class Listings
{
    public static ListingView ToView(this Listing l) => new(l.Id, l.Title, l.Description, l.Kind, l.Sessions, l.SessionMinutes,
        l.PriceMinor, l.Currency, Currencies.Format(l.PriceMinor, l.Currency), l.IsPublished);

    public static async Task<ListingInput> ValidAsync(ListingInput i, CancellationToken ct)
    {
        i = i with { Title = i.Title?.Trim() ?? "", Description = i.Description?.Trim() ?? "", Currency = i.Currency?.Trim().ToUpperInvariant() ?? "" };
        var result = await new ListingInputValidator().ValidateAsync(i, ct);
        if (!result.IsValid) throw new ValidationException(result.Errors);
        return i.Kind == ListingKind.Single ? i with { Sessions = 1 } : i;
    }

    public static void Apply(this Listing l, ListingInput i, DateTime now)
    {
        l.Title = i.Title; l.Description = i.Description; l.Kind = i.Kind; l.Sessions = i.Sessions;
        l.SessionMinutes = i.SessionMinutes; l.PriceMinor = i.PriceMinor; l.Currency = i.Currency; l.UpdatedAt = now;
    }

    public static async Task<Listing> OwnAsync(MatchingDbContext db, Guid coachId, Guid listingId, CancellationToken ct) =>
        await db.Listings.SingleOrDefaultAsync(l => l.Id == listingId && l.CoachId == coachId, ct)
        ?? throw new NotFoundException("listing_not_found", "No such listing.");
}

internal sealed class GetMyListingsHandler(MatchingDbContext db) : IRequestHandler<GetMyListings, IReadOnlyList<ListingView>>
{
    public async Task<IReadOnlyList<ListingView>> Handle(GetMyListings request, CancellationToken ct) =>
        (await db.Listings.AsNoTracking().Where(l => l.CoachId == request.CoachId).OrderBy(l => l.CreatedAt).ToListAsync(ct))
        .Select(l => l.ToView()).ToList();
}

internal sealed class CreateListingHandler(MatchingDbContext db, TimeProvider time) : IRequestHandler<CreateListing, ListingView>
{
    public async Task<ListingView> Handle(CreateListing request, CancellationToken ct)
    {
        var input = await Listings.ValidAsync(request.Input, ct);
        if (!await db.CoachProfiles.AnyAsync(p => p.CoachId == request.CoachId, ct))
            throw new ConflictException("profile_required", "Create your coach profile before adding listings.");
        var now = time.GetUtcNow();
        var listing = new Listing { Id = Guid.CreateVersion7(), CoachId = request.CoachId, CreatedAt = now.UtcDateTime };
        listing.Apply(input, now.UtcDateTime);
        db.Listings.Add(listing);
        await db.SaveChangesAsync(ct);
        return listing.ToView();
    }
}

internal sealed class UpdateListingHandler(MatchingDbContext db, TimeProvider time) : IRequestHandler<UpdateListing, ListingView>
{
    public async Task<ListingView> Handle(UpdateListing request, CancellationToken ct)
    {
        var input = await Listings.ValidAsync(request.Input, ct);
        var listing = await Listings.OwnAsync(db, request.CoachId, request.ListingId, ct);
        var now = time.GetUtcNow();
        listing.Apply(input, now.UtcDateTime);
        await ListedState.RefreshAsync(db, request.CoachId, now, ct);
        await db.SaveAndBumpAsync(ct);
        return listing.ToView();
    }
}

internal sealed class SetListingPublishedHandler(MatchingDbContext db, TimeProvider time) : IRequestHandler<SetListingPublished, ListingView>
{
    public async Task<ListingView> Handle(SetListingPublished request, CancellationToken ct)
    {
        var listing = await Listings.OwnAsync(db, request.CoachId, request.ListingId, ct);
        var now = time.GetUtcNow();
        listing.IsPublished = request.Published;
        listing.UpdatedAt = now.UtcDateTime;
        await ListedState.RefreshAsync(db, request.CoachId, now, ct);
        await db.SaveAndBumpAsync(ct);
        return listing.ToView();
    }
}

internal static class CoachEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var coach = api.MapGroup("/coach").RequireAuthorization(Policies.Coach);
        coach.MapGet("/profile", async Task<Results<Ok<ProfileView>, NotFound>> (ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
            await m.Send(new GetMyProfile(user.GetUserId()), ct) is { } p ? TypedResults.Ok(p) : TypedResults.NotFound())
            .WithSummary("Your coach profile.");
        coach.MapPut("/profile", async Task<NoContent> (ProfileInput body, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new SaveProfile(user.GetUserId(), body), ct);
                return TypedResults.NoContent();
            }).RequireRateLimiting(RateLimitPolicies.Writes).WithSummary("Creates or updates your coach profile.");
        coach.MapGet("/listings", async Task<Ok<IReadOnlyList<ListingView>>> (ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new GetMyListings(user.GetUserId()), ct))).WithSummary("Your listings.");
        coach.MapPost("/listings", async Task<Created<ListingView>> (ListingInput body, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
            {
                var l = await m.Send(new CreateListing(user.GetUserId(), body), ct);
                return TypedResults.Created($"/api/matching/coach/listings/{l.Id}", l);
            }).RequireRateLimiting(RateLimitPolicies.Writes).WithSummary("Creates a listing (unpublished).");
        coach.MapPut("/listings/{id:guid}", async Task<Ok<ListingView>> (Guid id, ListingInput body, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new UpdateListing(user.GetUserId(), id, body), ct))).RequireRateLimiting(RateLimitPolicies.Writes);
        coach.MapPost("/listings/{id:guid}/publish", async Task<Ok<ListingView>> (Guid id, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new SetListingPublished(user.GetUserId(), id, true), ct))).RequireRateLimiting(RateLimitPolicies.Writes);
        coach.MapPost("/listings/{id:guid}/unpublish", async Task<Ok<ListingView>> (Guid id, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new SetListingPublished(user.GetUserId(), id, false), ct))).RequireRateLimiting(RateLimitPolicies.Writes);
    }
}
