using Microsoft.EntityFrameworkCore;
using TechInterviewCoach.BuildingBlocks.Persistence;

namespace TechInterviewCoach.Matching.Data;

internal sealed class MatchingDbContext(DbContextOptions<MatchingDbContext> options) : ModuleDbContext(options)
{
    public const string ModuleName = "matching";
    public override string Module => ModuleName;

    protected override void ConfigureModel(ModelBuilder modelBuilder, DbNames names)
    {
    }
}
