using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using TechInterviewCoach.BuildingBlocks.Persistence;
using TechInterviewCoach.Integrations.Data;

namespace TechInterviewCoach.Migrations.Integrations;

[DbContext(typeof(IntegrationsDbContext))]
[Migration("20261122000501_IntegrationsInitial")]
internal sealed class IntegrationsInitial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var n = DbNames.For(migrationBuilder, IntegrationsDbContext.ModuleName);
        if (n.Schema is not null) migrationBuilder.EnsureSchema(n.Schema);
        migrationBuilder.CreateTable(
            name: n.Table("emails"), schema: n.Schema,
            columns: t => new
            {
                id = t.Column<Guid>(nullable: false),
                outbox_message_id = t.Column<Guid>(nullable: false),
                template = t.Column<string>(maxLength: 60, nullable: false),
                recipient_user_id = t.Column<Guid>(nullable: true),
                subject = t.Column<string>(maxLength: 300, nullable: false),
                status = t.Column<int>(nullable: false),
                attempts = t.Column<int>(nullable: false),
                resend_id = t.Column<string>(maxLength: 100, nullable: true),
                last_error = t.Column<string>(maxLength: 2000, nullable: true),
                created_at = t.Column<DateTime>(nullable: false),
                updated_at = t.Column<DateTime>(nullable: false),
                sent_at = t.Column<DateTime>(nullable: true),
            },
            constraints: t => t.PrimaryKey($"pk_{n.Table("emails")}", x => x.id));
        migrationBuilder.CreateIndex(n.Index("emails_outbox_message_id"), n.Table("emails"), "outbox_message_id", n.Schema, unique: true);
        migrationBuilder.CreateIndex(n.Index("emails_created_at"), n.Table("emails"), "created_at", n.Schema);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        var n = DbNames.For(migrationBuilder, IntegrationsDbContext.ModuleName);
        migrationBuilder.DropTable(n.Table("emails"), n.Schema);
    }
}
