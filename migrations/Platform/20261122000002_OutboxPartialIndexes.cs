using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using TechInterviewCoach.BuildingBlocks.Outbox;
using TechInterviewCoach.BuildingBlocks.Persistence;

namespace TechInterviewCoach.Migrations.Platform;

/// <summary>
/// Partial indexes for the two questions the dispatcher asks all the time: which messages are pending (oldest first),
/// and which delivered ones are old enough to delete. Delivered messages are kept for a day, so the table is mostly
/// rows neither question wants; without these the claim read the whole table, a few hundred times a second under load.
/// </summary>
[DbContext(typeof(PlatformDbContext))]
[Migration("20261122000002_OutboxPartialIndexes")]
public sealed class OutboxPartialIndexes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var n = DbNames.For(migrationBuilder, PlatformDbContext.ModuleName);
        migrationBuilder.CreateIndex(n.Index("outbox_pending"), n.Table("outbox_messages"), ["occurred_at"], n.Schema, filter: "status = 0");
        migrationBuilder.CreateIndex(n.Index("outbox_delivered"), n.Table("outbox_messages"), ["processed_at"], n.Schema, filter: "status = 1");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        var n = DbNames.For(migrationBuilder, PlatformDbContext.ModuleName);
        migrationBuilder.DropIndex(n.Index("outbox_delivered"), n.Table("outbox_messages"), n.Schema);
        migrationBuilder.DropIndex(n.Index("outbox_pending"), n.Table("outbox_messages"), n.Schema);
    }
}
