namespace TechInterviewCoach.Matching.Features;

/// <summary>The coach's own profile and why they are (not) listed; null when they have none yet.</summary>
internal sealed record ViewMyCoachProfile(Guid CoachId) : IRequest<ProfileView?>;

internal sealed record ProfileView(ProfileInput Profile, bool IsListed, bool PayoutsEnabled, bool HasPublishedListing);

internal sealed class ViewMyCoachProfileHandler(MatchingDbContext db) : IRequestHandler<ViewMyCoachProfile, ProfileView?>
{
    public async Task<ProfileView?> Handle(ViewMyCoachProfile request, CancellationToken ct)
    {
        var p = await db.CoachProfiles.AsNoTracking().SingleOrDefaultAsync(x => x.CoachId == request.CoachId, ct);
        if (p is null) return null;
        var status = await db.CoachStatuses.AsNoTracking().SingleOrDefaultAsync(x => x.CoachId == request.CoachId, ct);
        var hasListing = await db.Listings.AnyAsync(l => l.CoachId == request.CoachId && l.IsPublished, ct);
        var d = MatchingJson.Read<CoachDetails>(p.DetailsJson);
        return new ProfileView(new ProfileInput
        {
            Headline = p.Headline, Bio = p.Bio, YearsOfExperience = p.YearsOfExperience, Companies = d.Companies, InterviewedFor = d.InterviewedFor, Skills = d.Skills, Roles = d.Roles,
            InterviewTypes = d.InterviewTypes, CoachedCounts = d.CoachedCounts, Languages = d.Languages, TimeZone = p.TimeZone,
            Availability = d.Availability, IsPublished = p.IsPublished,
        }, p.IsListed, status?.PayoutsEnabled == true, hasListing);
    }
}

internal static class ViewMyCoachProfileEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/coach/profile", async Task<Results<Ok<ProfileView>, NotFound>> (ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                await m.Send(new ViewMyCoachProfile(user.GetUserId()), ct) is { } p ? TypedResults.Ok(p) : TypedResults.NotFound())
            .RequireAuthorization(Policies.Coach).WithSummary("Your coach profile.");
}
