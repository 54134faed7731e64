using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechInterviewCoach.Migrations.Matching.Sqlite
{
    /// <inheritdoc />
    internal partial class Baseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "matching_access_grants",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    coachee_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    coach_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    conversation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    granted_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ended_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_matching_access_grants", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "matching_access_log",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    coach_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    coachee_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    what = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_matching_access_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "matching_coach_profiles",
                columns: table => new
                {
                    coach_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    headline = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    bio = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    years_of_experience = table.Column<int>(type: "INTEGER", nullable: false),
                    time_zone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    details_json = table.Column<string>(type: "TEXT", nullable: false),
                    is_published = table.Column<bool>(type: "INTEGER", nullable: false),
                    is_listed = table.Column<bool>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_matching_coach_profiles", x => x.coach_id);
                });

            migrationBuilder.CreateTable(
                name: "matching_coach_statuses",
                columns: table => new
                {
                    coach_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    payouts_enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    is_suspended = table.Column<bool>(type: "INTEGER", nullable: false),
                    is_deleted = table.Column<bool>(type: "INTEGER", nullable: false),
                    median_first_reply_minutes = table.Column<double>(type: "REAL", nullable: true),
                    answered_conversations = table.Column<int>(type: "INTEGER", nullable: false),
                    overdue_conversations = table.Column<int>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_matching_coach_statuses", x => x.coach_id);
                });

            migrationBuilder.CreateTable(
                name: "matching_counters",
                columns: table => new
                {
                    name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    value = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_matching_counters", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "matching_cvs",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    storage_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    size_bytes = table.Column<long>(type: "INTEGER", nullable: false),
                    uploaded_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_matching_cvs", x => x.user_id);
                });

            migrationBuilder.CreateTable(
                name: "matching_listings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    coach_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    sessions = table.Column<int>(type: "INTEGER", nullable: false),
                    session_minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    price_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    is_published = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_matching_listings", x => x.id);
                    table.CheckConstraint("ck_matching_listings_price", "price_minor > 0 AND price_minor <= 100000000");
                    table.CheckConstraint("ck_matching_listings_sessions", "sessions >= 1 AND sessions <= 20");
                });

            migrationBuilder.CreateTable(
                name: "matching_quiz_drafts",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    quiz_version = table.Column<int>(type: "INTEGER", nullable: false),
                    answers_json = table.Column<string>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_matching_quiz_drafts", x => x.user_id);
                });

            migrationBuilder.CreateTable(
                name: "matching_quiz_submissions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    quiz_version = table.Column<int>(type: "INTEGER", nullable: false),
                    answers_json = table.Column<string>(type: "TEXT", nullable: false),
                    submitted_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_matching_quiz_submissions", x => x.id);
                });

            migrationBuilder.InsertData(
                table: "matching_counters",
                columns: new[] { "name", "value" },
                values: new object[] { "coaches", 0L });

            migrationBuilder.CreateIndex(
                name: "ix_matching_access_grants_conversation",
                table: "matching_access_grants",
                column: "conversation_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_matching_access_grants_pair",
                table: "matching_access_grants",
                columns: new[] { "coachee_id", "coach_id" });

            migrationBuilder.CreateIndex(
                name: "ix_matching_access_log_coachee",
                table: "matching_access_log",
                columns: new[] { "coachee_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_matching_coach_profiles_listed",
                table: "matching_coach_profiles",
                column: "is_listed");

            migrationBuilder.CreateIndex(
                name: "ix_matching_listings_coach",
                table: "matching_listings",
                column: "coach_id");

            migrationBuilder.CreateIndex(
                name: "ix_matching_quiz_submissions_user",
                table: "matching_quiz_submissions",
                columns: new[] { "user_id", "submitted_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "matching_access_grants");

            migrationBuilder.DropTable(
                name: "matching_access_log");

            migrationBuilder.DropTable(
                name: "matching_coach_profiles");

            migrationBuilder.DropTable(
                name: "matching_coach_statuses");

            migrationBuilder.DropTable(
                name: "matching_counters");

            migrationBuilder.DropTable(
                name: "matching_cvs");

            migrationBuilder.DropTable(
                name: "matching_listings");

            migrationBuilder.DropTable(
                name: "matching_quiz_drafts");

            migrationBuilder.DropTable(
                name: "matching_quiz_submissions");
        }
    }
}
