using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using TechInterviewCoach.BuildingBlocks.Outbox;
using TechInterviewCoach.BuildingBlocks.Persistence;

namespace TechInterviewCoach.Migrations.Platform;

/// <summary>The outbox shared by all modules, and the Data Protection key ring.</summary>
[DbContext(typeof(PlatformDbContext))]
[Migration("20261122000001_PlatformInitial")]
public sealed class PlatformInitial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var n = DbNames.For(migrationBuilder, PlatformDbContext.ModuleName);
        if (n.Schema is not null) migrationBuilder.EnsureSchema(n.Schema);

        migrationBuilder.CreateTable(
            name: n.Table("outbox_messages"), schema: n.Schema,
            columns: t => new
            {
                id = t.Column<Guid>(nullable: false),
                module = t.Column<string>(maxLength: 40, nullable: false),
                type = t.Column<string>(maxLength: 300, nullable: false),
                payload = t.Column<string>(nullable: false),
                occurred_at = t.Column<DateTime>(nullable: false),
                status = t.Column<int>(nullable: false),
                attempts = t.Column<int>(nullable: false),
                next_attempt_at = t.Column<DateTime>(nullable: false),
                locked_until = t.Column<DateTime>(nullable: true),
                processed_at = t.Column<DateTime>(nullable: true),
                last_error = t.Column<string>(maxLength: 2000, nullable: true),
            },
            constraints: t => t.PrimaryKey($"pk_{n.Table("outbox_messages")}", x => x.id));
        migrationBuilder.CreateIndex(n.Index("outbox_due"), n.Table("outbox_messages"), ["status", "next_attempt_at"], n.Schema);

        migrationBuilder.CreateTable(
            name: n.Table("data_protection_keys"), schema: n.Schema,
            columns: t => new
            {
                id = t.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                friendly_name = t.Column<string>(nullable: false),
                xml = t.Column<string>(nullable: false),
            },
            constraints: t => t.PrimaryKey($"pk_{n.Table("data_protection_keys")}", x => x.id));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        var n = DbNames.For(migrationBuilder, PlatformDbContext.ModuleName);
        migrationBuilder.DropTable(n.Table("data_protection_keys"), n.Schema);
        migrationBuilder.DropTable(n.Table("outbox_messages"), n.Schema);
    }
}
