using System.Security.Claims;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using TechInterviewCoach.Identity.SignIn;
using TechInterviewCoach.BuildingBlocks.Application;
using TechInterviewCoach.BuildingBlocks.Web;
using TechInterviewCoach.Identity.Data;
using TechInterviewCoach.Identity.SignIn;
using TechInterviewCoach.SharedKernel;

namespace TechInterviewCoach.Identity.Features.Settings;

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

internal sealed record GetSettingsQuery(Guid UserId) : IRequest<SettingsView>;

internal sealed class GetSettingsHandler(IdentityDbContext db, IMemoryCache cache) : IRequestHandler<GetSettingsQuery, SettingsView>
{
    public async Task<SettingsView> Handle(GetSettingsQuery request, CancellationToken cancellationToken)
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

internal sealed record UpdateSettingsCommand(Guid UserId, string? DisplayName, string? Headline, string? TimeZone, string? NotificationEmail, bool AnalyticsOptOut)
    : IRequest<SettingsView>;

internal sealed class UpdateSettingsValidator : AbstractValidator<UpdateSettingsCommand>
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

internal sealed class UpdateSettingsHandler(IdentityDbContext db, IMemoryCache cache) : IRequestHandler<UpdateSettingsCommand, SettingsView>
{
    public async Task<SettingsView> Handle(UpdateSettingsCommand request, CancellationToken cancellationToken)
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

/// <summary>Rotates the security stamp: every cookie issued before (every browser, this one included) stops working.</summary>
internal sealed record SignOutEverywhereCommand(Guid UserId) : IRequest;

internal sealed class SignOutEverywhereHandler(IdentityDbContext db, IMemoryCache cache) : IRequestHandler<SignOutEverywhereCommand>
{
    public async Task<MediatR.Unit> Handle(SignOutEverywhereCommand request, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == request.UserId, cancellationToken)
                   ?? throw new NotFoundException("user_not_found", "Your account no longer exists.");
        var oldStamp = user.SecurityStamp;
        user.SecurityStamp = User.NewStamp();
        await db.SaveChangesAsync(cancellationToken);
        Sessions.Forget(cache, user.Id, oldStamp);
        return MediatR.Unit.Value;
    }
}

/// <summary>IANA time zones offered in the select.</summary>
internal static class TimeZoneChoices
{
    public static readonly IReadOnlyList<string> All = TimeZoneInfo.GetSystemTimeZones()
        .Select(z => z.Id).Where(id => id.Contains('/') || id == "UTC")
        .Where(id => !id.StartsWith("Etc/", StringComparison.Ordinal) && !id.StartsWith("SystemV/", StringComparison.Ordinal))
        .Append("UTC").Distinct().Order(StringComparer.Ordinal).ToList();
}

internal static class SettingsEndpoints
{
    public sealed record Request(string? DisplayName, string? Headline, string? TimeZone, string? NotificationEmail, bool AnalyticsOptOut);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/settings", async Task<Ok<SettingsView>> (ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetSettingsQuery(user.GetUserId()), ct)))
            .RequireAuthorization()
            .WithSummary("The signed-in person's profile and settings.");

        api.MapPut("/settings", async Task<Ok<SettingsView>> (Request body, ClaimsPrincipal user, HttpContext http, IMediator mediator, CancellationToken ct) =>
            {
                var view = await mediator.Send(new UpdateSettingsCommand(user.GetUserId(), body.DisplayName, body.Headline, body.TimeZone, body.NotificationEmail, body.AnalyticsOptOut), ct);
                return TypedResults.Ok(view);
            })
            .RequireAuthorization()
            .RequireRateLimiting(RateLimitPolicies.Writes)
            .WithSummary("Correct name, headline, time zone, notification email, analytics opt-out.");

        api.MapPost("/signout-everywhere", async Task<NoContent> (ClaimsPrincipal user, HttpContext http, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new SignOutEverywhereCommand(user.GetUserId()), ct);
                await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                return TypedResults.NoContent();
            })
            .RequireAuthorization()
            .RequireRateLimiting(RateLimitPolicies.Writes)
            .WithSummary("Sign out of every browser and device.");
    }
}
