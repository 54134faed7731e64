using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechInterviewCoach.Migrations.Identity.Sqlite
{
    /// <inheritdoc />
    internal partial class SignIns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "identity_sign_ins",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    occurred_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    method = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    browser = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    operating_system = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    network = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    ip_address = table.Column<string>(type: "TEXT", maxLength: 45, nullable: true),
                    device_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    new_browser = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_identity_sign_ins", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_identity_sign_ins_time",
                table: "identity_sign_ins",
                column: "occurred_at");

            migrationBuilder.CreateIndex(
                name: "ix_identity_sign_ins_user_time",
                table: "identity_sign_ins",
                columns: new[] { "user_id", "occurred_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "identity_sign_ins");
        }
    }
}
