namespace TechInterviewCoach.Identity.Features;

/// <summary>What the person sees in Settings. <see cref="FromLinkedIn"/> names the fields whose value came from LinkedIn.</summary>
internal sealed record SettingsView(
    Guid UserId,
    string DisplayName,
    string? Headline,
    string TimeZone,
    string? NotificationEmail,
    bool AnalyticsOptOut,
    string? LinkedInEmail,
    string? PictureUrl,
    IReadOnlyList<string> Roles,
    DateTime? TermsAcceptedAt,
    string? PolicyVersion,
    IReadOnlyList<string> FromLinkedIn);

internal sealed record GetSettings(Guid UserId) : IRequest<SettingsView>;

internal sealed class GetSettingsHandler(IdentityDbContext db) : IRequestHandler<GetSettings, SettingsView>
{
    public async Task<SettingsView> Handle(GetSettings request, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == request.UserId && u.Status == UserStatus.Active, cancellationToken)
                   ?? throw new NotFoundException("user_not_found", "Your account no longer exists.");
        return ToView(user);
    }

    public static SettingsView ToView(User u)
    {
        var fromLinkedIn = new List<string>();
        if (u.LinkedInSub is not null)
        {
            if (!u.DisplayNameEdited) fromLinkedIn.Add("displayName");
            if (u.Email is not null) fromLinkedIn.Add("email");
            if (u.PictureUrl is not null) fromLinkedIn.Add("pictureUrl");
        }
        return new SettingsView(u.Id, u.DisplayName, u.Headline, u.TimeZone, u.NotificationEmail, u.AnalyticsOptOut, u.Email, u.PictureUrl,
            u.RoleList, u.TermsAcceptedAt, u.PolicyVersion, fromLinkedIn);
    }
}

internal static class GetSettingsEndpoint
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/settings", async Task<Ok<SettingsView>> (ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetSettings(user.GetUserId()), ct)))
            .RequireAuthorization()
            .WithSummary("The signed-in person's profile and settings.");
}
