namespace TechInterviewCoach.Identity.Features;

/// <summary>After the first sign-in: choose coach or coachee, confirm 16 or older, accept the terms and the privacy policy.</summary>
internal sealed record Onboard(Guid UserId, string? Role, bool ConfirmAge, bool AcceptTerms, string? TimeZone) : IRequest<User>;

internal sealed class OnboardValidator : AbstractValidator<Onboard>
{
    public OnboardValidator()
    {
        RuleFor(c => c.Role).Must(r => r is Roles.Coach or Roles.Coachee).WithMessage("Choose whether you are here as a coach or as a coachee.");
        RuleFor(c => c.ConfirmAge).Equal(true).WithMessage("You must be 16 or older to use techinterview.coach.");
        RuleFor(c => c.AcceptTerms).Equal(true).WithMessage("Please accept the terms of service and the privacy policy.");
        RuleFor(c => c.TimeZone).Must(UserTime.IsKnown).When(c => !string.IsNullOrEmpty(c.TimeZone)).WithMessage("Choose a time zone from the list.");
    }
}

internal sealed class OnboardHandler(IdentityDbContext db, TimeProvider time, IMemoryCache cache) : IRequestHandler<Onboard, User>
{
    public async Task<User> Handle(Onboard request, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == request.UserId && u.Status == UserStatus.Active, cancellationToken)
                   ?? throw new NotFoundException("user_not_found", "Your account no longer exists.");
        if (user.OnboardedAt is not null) throw new ConflictException("already_onboarded", "You have already completed onboarding.");
        var now = time.GetUtcNow();
        user.AddRole(request.Role!);
        if (!string.IsNullOrEmpty(request.TimeZone)) user.TimeZone = request.TimeZone;
        user.OnboardedAt = now.UtcDateTime;
        user.TermsAcceptedAt = now.UtcDateTime;
        user.PolicyVersion = PolicyVersions.Current;
        db.Enqueue(new SendEmail(user.Id, null, new WelcomeEmail(request.Role!), request.Role == Roles.Coach ? "/coach/profile" : "/quiz"), now);
        await db.SaveChangesAsync(cancellationToken);
        Sessions.Forget(cache, user.Id, user.SecurityStamp); // roles and time zone are new
        return user;
    }
}

internal static class OnboardEndpoint
{
    public sealed record Request(string? Role, bool ConfirmAge, bool AcceptTerms, string? TimeZone);
    public sealed record Response(Guid UserId, IReadOnlyList<string> Roles, DateTime OnboardedAt, string PolicyVersion);

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/onboarding", async Task<Ok<Response>> (Request body, ClaimsPrincipal principal, HttpContext http, IMediator mediator, CancellationToken ct) =>
            {
                var user = await mediator.Send(new Onboard(principal.GetUserId(), body.Role, body.ConfirmAge, body.AcceptTerms, body.TimeZone), ct);
                await Sessions.SignInAsync(http, user);
                return TypedResults.Ok(new Response(user.Id, user.RoleList, user.OnboardedAt!.Value, user.PolicyVersion!));
            })
            .RequireAuthorization()
            .RequireRateLimiting(RateLimitPolicies.Writes)
            .WithSummary("Finish onboarding: role, age confirmation, terms and privacy policy.");
}
