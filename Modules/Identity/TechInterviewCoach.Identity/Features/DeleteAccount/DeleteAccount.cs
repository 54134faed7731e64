using TechInterviewCoach.Orders.Contracts;

namespace TechInterviewCoach.Identity.Features;

/// <summary>
/// Erasure. Refused while Orders reports a payment of the person's that is not final (409 <c>deletion_blocked</c> with the
/// <c>reasons</c>). Otherwise, in one transaction: the profile is anonymised (name replaced, email, picture, headline and
/// LinkedIn id removed), the sign-in history removed, the account marked deleted with a new stamp (every session ends),
/// and UserDeleted plus the confirmation email go to the outbox. Every other module does its part on UserDeleted
/// (<c>ContractHandlers/DeletePersonalData.cs</c> in each).
/// </summary>
internal sealed record DeleteAccount(Guid UserId, string? Confirm) : IRequest<MediatR.Unit>;

internal sealed class DeleteAccountValidator : AbstractValidator<DeleteAccount>
{
    public DeleteAccountValidator() =>
        RuleFor(c => c.Confirm).Equal("DELETE").WithMessage("Type DELETE to confirm that you want to delete your account.");
}

internal sealed class DeleteAccountHandler(IdentityDbContext db, IMediator mediator, TimeProvider time, IMemoryCache cache, ILogger<DeleteAccountHandler> logger)
    : IRequestHandler<DeleteAccount, MediatR.Unit>
{
    public const string BlockedCode = "deletion_blocked";
    public const string BlockedTitle = "Your account cannot be deleted while a payment is still in progress.";

    public async Task<MediatR.Unit> Handle(DeleteAccount request, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == request.UserId && u.Status == UserStatus.Active, cancellationToken)
                   ?? throw new NotFoundException("user_not_found", "Your account no longer exists.");
        var blockers = await mediator.Send(new GetDeletionBlockers(user.Id), cancellationToken);
        if (blockers.Count > 0) throw new ConflictException(BlockedCode, BlockedTitle).With("reasons", blockers);

        var now = time.GetUtcNow();
        var address = user.ContactEmail;
        var roles = user.RoleList.ToList();
        user.DisplayName = UserMapping.DeletedUserName;
        user.Email = null;
        user.NotificationEmail = null;
        user.PictureUrl = null;
        user.Headline = null;
        user.LinkedInSub = null;
        user.DisplayNameEdited = false;
        user.AnalyticsOptOut = true;
        user.Status = UserStatus.Deleted;
        user.DeletedAt = now.UtcDateTime;
        var oldStamp = user.SecurityStamp;
        user.SecurityStamp = User.NewStamp();
        db.SignIns.RemoveRange(await db.SignIns.Where(s => s.UserId == user.Id).ToListAsync(cancellationToken));
        db.Enqueue(new UserDeleted(user.Id, roles, now.UtcDateTime), now);
        if (!string.IsNullOrWhiteSpace(address))
            db.Enqueue(new SendEmail(null, address, new AccountDeletedEmail(), "/"), now);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Account {UserId} deleted", user.Id);
        Sessions.Forget(cache, user.Id, oldStamp);
        return MediatR.Unit.Value;
    }
}

internal static class DeleteAccountEndpoint
{
    public sealed record Request(string? Confirm);

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/account/delete", async Task<NoContent> (Request body, ClaimsPrincipal user, HttpContext http, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new DeleteAccount(user.GetUserId(), body.Confirm), ct);
                await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                return TypedResults.NoContent();
            })
            .RequireAuthorization()
            .RequireRateLimiting(RateLimitPolicies.Writes)
            .WithSummary("Delete your account (send {\"confirm\":\"DELETE\"}); 409 deletion_blocked lists what must settle first.");
}
