using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechInterviewCoach.Migrations.Integrations.Sqlite
{
    /// <inheritdoc />
    internal partial class Baseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "integrations_emails",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    outbox_message_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    template = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    recipient_user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    resend_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    sent_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_integrations_emails", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_integrations_emails_created_at",
                table: "integrations_emails",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_integrations_emails_outbox_message_id",
                table: "integrations_emails",
                column: "outbox_message_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "integrations_emails");
        }
    }
}
