namespace TechInterviewCoach.Identity.Features;

internal sealed record UpdateSettings(Guid UserId, string? DisplayName, string? Headline, string? TimeZone, string? NotificationEmail, bool AnalyticsOptOut)
    : IRequest<SettingsView>;

internal sealed class UpdateSettingsValidator : AbstractValidator<UpdateSettings>
{
    public UpdateSettingsValidator()
    {
        RuleFor(c => c.DisplayName).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Enter the name people should see.")
            .MaximumLength(120).WithMessage("Keep the name to 120 characters or fewer.");
        RuleFor(c => c.Headline).MaximumLength(200).WithMessage("Keep the headline to 200 characters or fewer.");
        RuleFor(c => c.TimeZone).Must(UserTime.IsKnown).WithMessage("Choose a time zone from the list.");
        RuleFor(c => c.NotificationEmail).EmailAddress().WithMessage("Enter an email address like name@example.com, or leave it empty.")
            .MaximumLength(320).When(c => !string.IsNullOrWhiteSpace(c.NotificationEmail));
    }
}

internal sealed class UpdateSettingsHandler(IdentityDbContext db, IMemoryCache cache) : IRequestHandler<UpdateSettings, SettingsView>
{
    public async Task<SettingsView> Handle(UpdateSettings request, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == request.UserId && u.Status == UserStatus.Active, cancellationToken)
                   ?? throw new NotFoundException("user_not_found", "Your account no longer exists.");
        var name = request.DisplayName!.Trim();
        if (name != user.DisplayName) { user.DisplayName = name; user.DisplayNameEdited = true; }
        user.Headline = string.IsNullOrWhiteSpace(request.Headline) ? null : request.Headline.Trim();
        user.TimeZone = request.TimeZone!;
        user.NotificationEmail = string.IsNullOrWhiteSpace(request.NotificationEmail) ? null : request.NotificationEmail.Trim();
        user.AnalyticsOptOut = request.AnalyticsOptOut;
        await db.SaveChangesAsync(cancellationToken);
        Sessions.Forget(cache, user.Id, user.SecurityStamp); // name and time zone claims refresh on the next request
        return GetSettingsHandler.ToView(user);
    }
}

internal static class UpdateSettingsEndpoint
{
    public sealed record Request(string? DisplayName, string? Headline, string? TimeZone, string? NotificationEmail, bool AnalyticsOptOut);

    public static void Map(RouteGroupBuilder api) =>
        api.MapPut("/settings", async Task<Ok<SettingsView>> (Request body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            {
                var view = await mediator.Send(new UpdateSettings(user.GetUserId(), body.DisplayName, body.Headline, body.TimeZone, body.NotificationEmail, body.AnalyticsOptOut), ct);
                return TypedResults.Ok(view);
            })
            .RequireAuthorization()
            .RequireRateLimiting(RateLimitPolicies.Writes)
            .WithSummary("Correct name, headline, time zone, notification email, analytics opt-out.");
}
