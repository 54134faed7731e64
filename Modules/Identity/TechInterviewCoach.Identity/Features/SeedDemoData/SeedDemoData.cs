namespace TechInterviewCoach.Identity.Features;

/// <summary>
/// Seeds demo people on the first start when DemoData:Seed is true (Development): an admin, a coachee
/// and a few dozen coaches across time zones. Other modules seed their part (coach profiles, listings,
/// payout accounts) on <see cref="DemoUsersCreated"/>.
/// </summary>
internal sealed class DemoSeeder(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider time, ILogger<DemoSeeder> logger) : IHostedService
{
    public const int CoachCount = 36;

    private static readonly string[] FirstNames =
        ["Aisha", "Ben", "Chen", "Dara", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kemi", "Luca",
         "Maya", "Nikhil", "Olga", "Pedro", "Quinn", "Rosa", "Sven", "Tara", "Umar", "Vera", "Wei", "Ximena",
         "Yusuf", "Zoe", "Arjun", "Bianca", "Carlos", "Dana", "Emil", "Fatima", "Gabe", "Hana", "Ivan", "Julia"];
    private static readonly string[] LastNames =
        ["Okafor", "Lindqvist", "Nakamura", "Rossi", "Kowalski", "Haddad", "Mensah", "Schmidt", "Silva", "Patel",
         "Murphy", "Novak", "Garcia", "Yilmaz", "Andersen", "Kim"];
    public static readonly string[] TimeZones =
        ["Europe/Berlin", "America/New_York", "America/Los_Angeles", "Asia/Kolkata", "Europe/London",
         "Asia/Singapore", "Australia/Sydney", "America/Sao_Paulo", "Europe/Warsaw", "America/Toronto", "Asia/Tokyo", "Africa/Lagos"];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue<bool>("DemoData:Seed")) return;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        if (await db.Users.AnyAsync(u => u.IsDemo, cancellationToken)) return;

        var now = time.GetUtcNow().UtcDateTime;
        var demo = new List<DemoUser>();
        User Add(string name, string roles, string tz, int index)
        {
            var user = new User
            {
                Id = Guid.CreateVersion7(), DisplayName = name, Roles = roles, TimeZone = tz, CreatedAt = now, OnboardedAt = now, IsDemo = true,
                Email = $"{name.ToLowerInvariant().Replace(' ', '.')}@demo.techinterview.coach",
            };
            db.Users.Add(user);
            demo.Add(new DemoUser(user.Id, roles.Split(',')[0], index, name, tz));
            return user;
        }

        Add("Ada Admin", Roles.Admin, "Europe/London", 0);
        Add("Casey Coachee", Roles.Coachee, "Europe/Berlin", 0);
        for (var i = 0; i < CoachCount; i++)
            Add($"{FirstNames[i % FirstNames.Length]} {LastNames[(i * 7) % LastNames.Length]}", Roles.Coach, TimeZones[i % TimeZones.Length], i);
        await db.SaveChangesAsync(cancellationToken);

        await scope.ServiceProvider.GetRequiredService<IMediator>().Publish(new DemoUsersCreated(demo), cancellationToken);
        logger.LogInformation("Seeded demo data: {Coaches} coaches, 1 coachee, 1 admin", CoachCount);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
