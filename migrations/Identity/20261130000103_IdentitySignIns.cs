using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using TechInterviewCoach.BuildingBlocks.Persistence;
using TechInterviewCoach.Identity.Data;

namespace TechInterviewCoach.Migrations.Identity;

/// <summary>A person's recent sign-ins (time, browser, system, network), shown in Settings.</summary>
[DbContext(typeof(IdentityDbContext))]
[Migration("20261130000103_IdentitySignIns")]
internal sealed class IdentitySignIns : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var n = DbNames.For(migrationBuilder, IdentityDbContext.ModuleName);
        migrationBuilder.CreateTable(
            name: n.Table("sign_ins"), schema: n.Schema,
            columns: t => new
            {
                id = t.Column<Guid>(nullable: false),
                user_id = t.Column<Guid>(nullable: false),
                occurred_at = t.Column<DateTime>(nullable: false),
                method = t.Column<string>(maxLength: 20, nullable: false),
                browser = t.Column<string>(maxLength: 60, nullable: false),
                operating_system = t.Column<string>(maxLength: 60, nullable: false),
                network = t.Column<string>(maxLength: 60, nullable: false),
                ip_address = t.Column<string>(maxLength: 45, nullable: true),
                device_hash = t.Column<string>(maxLength: 64, nullable: false),
                new_browser = t.Column<bool>(nullable: false),
            },
            constraints: t => t.PrimaryKey($"pk_{n.Table("sign_ins")}", x => x.id));
        migrationBuilder.CreateIndex(n.Index("sign_ins_user_time"), n.Table("sign_ins"), ["user_id", "occurred_at"], n.Schema);
        migrationBuilder.CreateIndex(n.Index("sign_ins_time"), n.Table("sign_ins"), "occurred_at", n.Schema);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        var n = DbNames.For(migrationBuilder, IdentityDbContext.ModuleName);
        migrationBuilder.DropTable(n.Table("sign_ins"), n.Schema);
    }
}
