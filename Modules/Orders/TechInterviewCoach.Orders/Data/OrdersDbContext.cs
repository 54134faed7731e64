using Microsoft.EntityFrameworkCore;
using TechInterviewCoach.BuildingBlocks.Persistence;

namespace TechInterviewCoach.Orders.Data;

internal sealed class OrdersDbContext(DbContextOptions<OrdersDbContext> options) : ModuleDbContext(options)
{
    public const string ModuleName = "orders";
    public override string Module => ModuleName;

    protected override void ConfigureModel(ModelBuilder modelBuilder, DbNames names)
    {
    }
}
