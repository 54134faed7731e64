using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechInterviewCoach.Migrations.Identity.Postgres
{
    /// <inheritdoc />
    internal partial class SignIns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "sign_ins",
                schema: "identity",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    occurred_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    method = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    browser = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    operating_system = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    network = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    ip_address = table.Column<string>(type: "character varying(45)", maxLength: 45, nullable: true),
                    device_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    new_browser = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sign_ins", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_identity_sign_ins_time",
                schema: "identity",
                table: "sign_ins",
                column: "occurred_at");

            migrationBuilder.CreateIndex(
                name: "ix_identity_sign_ins_user_time",
                schema: "identity",
                table: "sign_ins",
                columns: new[] { "user_id", "occurred_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sign_ins",
                schema: "identity");
        }
    }
}
