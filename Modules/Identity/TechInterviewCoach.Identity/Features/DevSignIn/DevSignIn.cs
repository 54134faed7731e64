namespace TechInterviewCoach.Identity.Features;

/// <summary>Signs in as an existing user, or creates a fresh onboarded user with the given role.</summary>
internal sealed record DevSignIn(Guid? UserId, string? Role, string? DisplayName, string? Email, string? TimeZone) : IRequest<User>;

internal sealed class DevSignInValidator : AbstractValidator<DevSignIn>
{
    public DevSignInValidator()
    {
        RuleFor(c => c.Role).NotEmpty().When(c => c.UserId is null).WithMessage("Give a userId, or a role for a new user.");
        RuleFor(c => c.Role).Must(r => r is null || Roles.All.Contains(r)).WithMessage("Role must be coachee, coach or admin.");
        RuleFor(c => c.DisplayName).MaximumLength(120);
        RuleFor(c => c.Email).EmailAddress().MaximumLength(320).When(c => c.Email is not null);
        RuleFor(c => c.TimeZone).Must(UserTime.IsKnown).When(c => c.TimeZone is not null).WithMessage("Unknown time zone.");
    }
}

internal sealed class DevSignInHandler(IdentityDbContext db, TimeProvider time) : IRequestHandler<DevSignIn, User>
{
    public async Task<User> Handle(DevSignIn request, CancellationToken cancellationToken)
    {
        if (request.UserId is { } id)
        {
            var existing = await db.Users.SingleOrDefaultAsync(u => u.Id == id, cancellationToken)
                           ?? throw new NotFoundException("user_not_found", "No such user.");
            if (existing.Status != UserStatus.Active)
                throw new ForbiddenException("account_unavailable", "This account is suspended or deleted.");
            return existing;
        }
        var now = time.GetUtcNow().UtcDateTime;
        var user = new User
        {
            Id = Guid.CreateVersion7(),
            DisplayName = request.DisplayName ?? $"Test {request.Role}",
            Email = request.Email,
            TimeZone = request.TimeZone ?? "UTC",
            Roles = request.Role!,
            CreatedAt = now,
            OnboardedAt = now,
        };
        db.Users.Add(user);
        await db.SaveChangesAsync(cancellationToken);
        return user;
    }
}

internal static class DevSignInEndpoint
{
    public sealed record Request(Guid? UserId, string? Role, string? DisplayName, string? Email, string? TimeZone);
    public sealed record Response(Guid UserId);

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/dev/signin", async Task<Results<Ok<Response>, NotFound>> (Request body, DevSignInGate gate, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                if (!gate.Allowed) return TypedResults.NotFound();
                var user = await mediator.Send(new DevSignIn(body.UserId, body.Role, body.DisplayName, body.Email, body.TimeZone), ct);
                await Sessions.SignInAsync(http, user);
                await SignInHistory.RecordAsync(http, mediator, user.Id, SignInHistory.Development);
                return TypedResults.Ok(new Response(user.Id));
            })
            .RequireRateLimiting(RateLimitPolicies.Auth)
            .ExcludeFromDescription();
}
