using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechInterviewCoach.Migrations.Identity.Sqlite
{
    /// <inheritdoc />
    internal partial class Baseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "identity_users",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    linked_in_sub = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    display_name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    notification_email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    picture_url = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    headline = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    time_zone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    roles = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    security_stamp = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    onboarded_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    deleted_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    analytics_opt_out = table.Column<bool>(type: "INTEGER", nullable: false),
                    terms_accepted_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    policy_version = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    display_name_edited = table.Column<bool>(type: "INTEGER", nullable: false),
                    is_demo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_identity_users", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_identity_users_linkedin_sub",
                table: "identity_users",
                column: "linked_in_sub",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "identity_users");
        }
    }
}
