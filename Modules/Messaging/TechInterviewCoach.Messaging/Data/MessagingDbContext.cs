using Microsoft.EntityFrameworkCore;
using TechInterviewCoach.BuildingBlocks.Persistence;

namespace TechInterviewCoach.Messaging.Data;

internal sealed class MessagingDbContext(DbContextOptions<MessagingDbContext> options) : ModuleDbContext(options)
{
    public const string ModuleName = "messaging";
    public override string Module => ModuleName;

    protected override void ConfigureModel(ModelBuilder modelBuilder, DbNames names)
    {
    }
}
