namespace TechInterviewCoach.Identity.ContractHandlers;

internal sealed class GetAnalyticsAllowedHandler(IdentityDbContext db) : IRequestHandler<GetAnalyticsAllowed, bool>
{
    public Task<bool> Handle(GetAnalyticsAllowed request, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking().AnyAsync(u => u.Id == request.UserId && !u.AnalyticsOptOut && u.Status != UserStatus.Deleted, cancellationToken);
}
