using Microsoft.EntityFrameworkCore;

namespace TechInterviewCoach.Rogue;

/// <summary>Public although nothing outside needs it, and it reaches into another module's implementation.</summary>
public sealed class RogueRepository
{
    public Type Reach() => typeof(TechInterviewCoach.Identity.IdentityModule);
}

/// <summary>A DbContext that maps another module's table.</summary>
public sealed class RogueDbContext(DbContextOptions<RogueDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<Stolen>().ToTable("identity_users").HasKey(s => s.Id);

    public sealed class Stolen { public Guid Id { get; set; } }
}
