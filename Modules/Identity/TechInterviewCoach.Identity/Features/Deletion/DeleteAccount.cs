using System.Security.Claims;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using TechInterviewCoach.Identity.SignIn;
using Microsoft.Extensions.Logging;
using TechInterviewCoach.BuildingBlocks.Application;
using TechInterviewCoach.BuildingBlocks.Web;
using TechInterviewCoach.Identity.Contracts;
using TechInterviewCoach.Identity.Data;
using TechInterviewCoach.Identity.Features.Users;
using TechInterviewCoach.Orders.Contracts;
using TechInterviewCoach.Integrations.Contracts;

namespace TechInterviewCoach.Identity.Features.Deletion;

/// <summary>Null Blockers: deleted. Otherwise nothing changed, and these are the reasons (from Orders).</summary>
internal sealed record DeleteAccountResult(bool Deleted, IReadOnlyList<string> Blockers);

/// <summary>
/// Erasure. Refused while Orders reports a payment of the person's that is not final. Otherwise, in one transaction:
/// the profile is anonymised (name replaced, email, picture, headline and LinkedIn id removed), the account is marked
/// deleted with a new stamp (every session ends), and UserDeleted plus the confirmation email go to the outbox.
/// Other modules remove quiz, CV and access grants and delist a coach on UserDeleted.
/// </summary>
internal sealed record DeleteAccountCommand(Guid UserId, string? Confirm) : IRequest<DeleteAccountResult>;

internal sealed class DeleteAccountValidator : AbstractValidator<DeleteAccountCommand>
{
    public DeleteAccountValidator() =>
        RuleFor(c => c.Confirm).Equal("DELETE").WithMessage("Type DELETE to confirm that you want to delete your account.");
}

internal sealed class DeleteAccountHandler(IdentityDbContext db, IMediator mediator, TimeProvider time, IMemoryCache cache, ILogger<DeleteAccountHandler> logger)
    : IRequestHandler<DeleteAccountCommand, DeleteAccountResult>
{
    public async Task<DeleteAccountResult> Handle(DeleteAccountCommand request, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == request.UserId && u.Status == UserStatus.Active, cancellationToken)
                   ?? throw new NotFoundException("user_not_found", "Your account no longer exists.");
        var blockers = await mediator.Send(new GetDeletionBlockers(user.Id), cancellationToken);
        if (blockers.Count > 0) return new DeleteAccountResult(false, blockers);

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
        return new DeleteAccountResult(true, []);
    }
}

internal static class DeleteAccountEndpoint
{
    public sealed record Request(string? Confirm);

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/account/delete", async Task<IResult> (Request body, ClaimsPrincipal user, HttpContext http, IMediator mediator, CancellationToken ct) =>
            {
                var result = await mediator.Send(new DeleteAccountCommand(user.GetUserId(), body.Confirm), ct);
                if (!result.Deleted)
                    return TypedResults.Problem(
                        statusCode: StatusCodes.Status409Conflict,
                        title: "Your account cannot be deleted while a payment is still in progress.",
                        extensions: new Dictionary<string, object?> { ["code"] = "deletion_blocked", ["reasons"] = result.Blockers });
                await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                return Results.NoContent();
            })
            .RequireAuthorization()
            .RequireRateLimiting(RateLimitPolicies.Writes)
            .WithSummary("Delete your account (send {\"confirm\":\"DELETE\"}); 409 deletion_blocked lists what must settle first.");
}
