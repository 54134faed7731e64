using Microsoft.EntityFrameworkCore;
using TechInterviewCoach.BuildingBlocks.Persistence;

namespace TechInterviewCoach.Identity.Data;

internal sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options) : ModuleDbContext(options)
{
    public const string ModuleName = "identity";
    public override string Module => ModuleName;

    public DbSet<User> Users => Set<User>();

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
    }
}
