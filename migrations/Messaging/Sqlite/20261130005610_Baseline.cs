using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechInterviewCoach.Migrations.Messaging.Sqlite
{
    /// <inheritdoc />
    internal partial class Baseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "messaging_conversations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    coachee_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    coach_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    started_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    last_message_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    last_seq = table.Column<long>(type: "INTEGER", nullable: false),
                    coachee_read_seq = table.Column<long>(type: "INTEGER", nullable: false),
                    coach_read_seq = table.Column<long>(type: "INTEGER", nullable: false),
                    coachee_notified_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    coach_notified_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    first_reply_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    overdue_reported_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    closed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    blocked_by = table.Column<Guid>(type: "TEXT", nullable: true),
                    blocked_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_messaging_conversations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "messaging_reports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    message_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    conversation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    reporter_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_messaging_reports", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "messaging_suspended_senders",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    since = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_messaging_suspended_senders", x => x.user_id);
                });

            migrationBuilder.CreateTable(
                name: "messaging_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    conversation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    seq = table.Column<long>(type: "INTEGER", nullable: false),
                    sender_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    sent_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_messaging_messages", x => x.id);
                    table.ForeignKey(
                        name: "fk_messaging_messages_conversation",
                        column: x => x.conversation_id,
                        principalTable: "messaging_conversations",
                        principalColumn: "id");
                });

            migrationBuilder.CreateIndex(
                name: "ix_messaging_conversations_coach",
                table: "messaging_conversations",
                column: "coach_id");

            migrationBuilder.CreateIndex(
                name: "ix_messaging_conversations_pair",
                table: "messaging_conversations",
                columns: new[] { "coachee_id", "coach_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_messaging_messages_conversation_seq",
                table: "messaging_messages",
                columns: new[] { "conversation_id", "seq" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_messaging_reports_message_reporter",
                table: "messaging_reports",
                columns: new[] { "message_id", "reporter_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "messaging_messages");

            migrationBuilder.DropTable(
                name: "messaging_reports");

            migrationBuilder.DropTable(
                name: "messaging_suspended_senders");

            migrationBuilder.DropTable(
                name: "messaging_conversations");
        }
    }
}
