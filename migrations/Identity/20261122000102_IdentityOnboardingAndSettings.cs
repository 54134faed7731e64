using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using TechInterviewCoach.BuildingBlocks.Persistence;
using TechInterviewCoach.Identity.Data;

namespace TechInterviewCoach.Migrations.Identity;

/// <summary>Records which terms/privacy version a person accepted and when; remembers a name corrected in Settings.</summary>
[DbContext(typeof(IdentityDbContext))]
[Migration("20261122000102_IdentityOnboardingAndSettings")]
internal sealed class IdentityOnboardingAndSettings : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var n = DbNames.For(migrationBuilder, IdentityDbContext.ModuleName);
        migrationBuilder.AddColumn<DateTime>(name: "terms_accepted_at", table: n.Table("users"), schema: n.Schema, nullable: true);
        migrationBuilder.AddColumn<string>(name: "policy_version", table: n.Table("users"), schema: n.Schema, maxLength: 20, nullable: true);
        migrationBuilder.AddColumn<bool>(name: "display_name_edited", table: n.Table("users"), schema: n.Schema, nullable: false, defaultValue: false);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        var n = DbNames.For(migrationBuilder, IdentityDbContext.ModuleName);
        migrationBuilder.DropColumn("terms_accepted_at", table: n.Table("users"), schema: n.Schema);
        migrationBuilder.DropColumn("policy_version", table: n.Table("users"), schema: n.Schema);
        migrationBuilder.DropColumn("display_name_edited", table: n.Table("users"), schema: n.Schema);
    }
}
