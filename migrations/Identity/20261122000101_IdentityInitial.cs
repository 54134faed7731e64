using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using TechInterviewCoach.BuildingBlocks.Persistence;
using TechInterviewCoach.Identity.Data;

namespace TechInterviewCoach.Migrations.Identity;

[DbContext(typeof(IdentityDbContext))]
[Migration("20261122000101_IdentityInitial")]
internal sealed class IdentityInitial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var n = DbNames.For(migrationBuilder, IdentityDbContext.ModuleName);
        if (n.Schema is not null) migrationBuilder.EnsureSchema(n.Schema);
        migrationBuilder.CreateTable(
            name: n.Table("users"), schema: n.Schema,
            columns: t => new
            {
                id = t.Column<Guid>(nullable: false),
                linked_in_sub = t.Column<string>(maxLength: 200, nullable: true),
                display_name = t.Column<string>(maxLength: 120, nullable: false),
                email = t.Column<string>(maxLength: 320, nullable: true),
                notification_email = t.Column<string>(maxLength: 320, nullable: true),
                picture_url = t.Column<string>(maxLength: 1000, nullable: true),
                headline = t.Column<string>(maxLength: 200, nullable: true),
                time_zone = t.Column<string>(maxLength: 64, nullable: false),
                roles = t.Column<string>(maxLength: 100, nullable: false),
                status = t.Column<int>(nullable: false),
                security_stamp = t.Column<string>(maxLength: 64, nullable: false),
                created_at = t.Column<DateTime>(nullable: false),
                onboarded_at = t.Column<DateTime>(nullable: true),
                deleted_at = t.Column<DateTime>(nullable: true),
                analytics_opt_out = t.Column<bool>(nullable: false),
                is_demo = t.Column<bool>(nullable: false),
            },
            constraints: t => t.PrimaryKey($"pk_{n.Table("users")}", x => x.id));
        migrationBuilder.CreateIndex(n.Index("users_linkedin_sub"), n.Table("users"), "linked_in_sub", n.Schema, unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        var n = DbNames.For(migrationBuilder, IdentityDbContext.ModuleName);
        migrationBuilder.DropTable(n.Table("users"), n.Schema);
    }
}
