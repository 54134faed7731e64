using TechInterviewCoach.BuildingBlocks.Persistence;

namespace TechInterviewCoach.Identity.Data;

internal sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options) : ModuleDbContext(options)
{
    public const string ModuleName = "identity";
    public override string Module => ModuleName;

    public DbSet<User> Users => Set<User>();
    public DbSet<SignInEvent> SignIns => Set<SignInEvent>();

    protected override void ConfigureModel(ModelBuilder modelBuilder, DbNames names)
    {
        modelBuilder.Entity<User>(e =>
        {
            e.ToTable(names.Table("users"), names.Schema);
            e.HasKey(u => u.Id);
            e.Property(u => u.LinkedInSub).HasMaxLength(200);
            e.Property(u => u.DisplayName).HasMaxLength(120);
            e.Property(u => u.Email).HasMaxLength(320);
            e.Property(u => u.NotificationEmail).HasMaxLength(320);
            e.Property(u => u.PictureUrl).HasMaxLength(1000);
            e.Property(u => u.Headline).HasMaxLength(200);
            e.Property(u => u.TimeZone).HasMaxLength(64);
            e.Property(u => u.Roles).HasMaxLength(100);
            e.Property(u => u.SecurityStamp).HasMaxLength(64);
            e.Property(u => u.PolicyVersion).HasMaxLength(20);
            e.Ignore(u => u.RoleList);
            e.Ignore(u => u.ContactEmail);
            e.HasIndex(u => u.LinkedInSub).IsUnique().HasDatabaseName(names.Index("users_linkedin_sub"));
        });
        modelBuilder.Entity<SignInEvent>(e =>
        {
            e.ToTable(names.Table("sign_ins"), names.Schema);
            e.HasKey(s => s.Id);
            e.Property(s => s.Method).HasMaxLength(20);
            e.Property(s => s.Browser).HasMaxLength(60);
            e.Property(s => s.OperatingSystem).HasMaxLength(60);
            e.Property(s => s.Network).HasMaxLength(60);
            e.Property(s => s.IpAddress).HasMaxLength(45);
            e.Property(s => s.DeviceHash).HasMaxLength(64);
            e.HasIndex(s => new { s.UserId, s.OccurredAt }).HasDatabaseName(names.Index("sign_ins_user_time"));
            e.HasIndex(s => s.OccurredAt).HasDatabaseName(names.Index("sign_ins_time"));
        });
    }
}
