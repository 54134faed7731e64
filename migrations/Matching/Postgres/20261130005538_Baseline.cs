using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechInterviewCoach.Migrations.Matching.Postgres
{
    /// <inheritdoc />
    internal partial class Baseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "matching");

            migrationBuilder.CreateTable(
                name: "access_grants",
                schema: "matching",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    coachee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    coach_id = table.Column<Guid>(type: "uuid", nullable: false),
                    conversation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    granted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ended_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_access_grants", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "access_log",
                schema: "matching",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    coach_id = table.Column<Guid>(type: "uuid", nullable: false),
                    coachee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    what = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_access_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "coach_profiles",
                schema: "matching",
                columns: table => new
                {
                    coach_id = table.Column<Guid>(type: "uuid", nullable: false),
                    headline = table.Column<string>(type: "character varying(160)", maxLength: 160, nullable: false),
                    bio = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    years_of_experience = table.Column<int>(type: "integer", nullable: false),
                    time_zone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    details_json = table.Column<string>(type: "text", nullable: false),
                    is_published = table.Column<bool>(type: "boolean", nullable: false),
                    is_listed = table.Column<bool>(type: "boolean", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_coach_profiles", x => x.coach_id);
                });

            migrationBuilder.CreateTable(
                name: "coach_statuses",
                schema: "matching",
                columns: table => new
                {
                    coach_id = table.Column<Guid>(type: "uuid", nullable: false),
                    payouts_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    is_suspended = table.Column<bool>(type: "boolean", nullable: false),
                    is_deleted = table.Column<bool>(type: "boolean", nullable: false),
                    median_first_reply_minutes = table.Column<double>(type: "double precision", nullable: true),
                    answered_conversations = table.Column<int>(type: "integer", nullable: false),
                    overdue_conversations = table.Column<int>(type: "integer", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_coach_statuses", x => x.coach_id);
                });

            migrationBuilder.CreateTable(
                name: "counters",
                schema: "matching",
                columns: table => new
                {
                    name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    value = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_counters", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "cvs",
                schema: "matching",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    storage_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    size_bytes = table.Column<long>(type: "bigint", nullable: false),
                    uploaded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cvs", x => x.user_id);
                });

            migrationBuilder.CreateTable(
                name: "listings",
                schema: "matching",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    coach_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    sessions = table.Column<int>(type: "integer", nullable: false),
                    session_minutes = table.Column<int>(type: "integer", nullable: false),
                    price_minor = table.Column<long>(type: "bigint", nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    is_published = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_listings", x => x.id);
                    table.CheckConstraint("ck_listings_price", "price_minor > 0 AND price_minor <= 100000000");
                    table.CheckConstraint("ck_listings_sessions", "sessions >= 1 AND sessions <= 20");
                });

            migrationBuilder.CreateTable(
                name: "quiz_drafts",
                schema: "matching",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    quiz_version = table.Column<int>(type: "integer", nullable: false),
                    answers_json = table.Column<string>(type: "text", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_quiz_drafts", x => x.user_id);
                });

            migrationBuilder.CreateTable(
                name: "quiz_submissions",
                schema: "matching",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    quiz_version = table.Column<int>(type: "integer", nullable: false),
                    answers_json = table.Column<string>(type: "text", nullable: false),
                    submitted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_quiz_submissions", x => x.id);
                });

            migrationBuilder.InsertData(
                schema: "matching",
                table: "counters",
                columns: new[] { "name", "value" },
                values: new object[] { "coaches", 0L });

            migrationBuilder.CreateIndex(
                name: "ix_matching_access_grants_conversation",
                schema: "matching",
                table: "access_grants",
                column: "conversation_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_matching_access_grants_pair",
                schema: "matching",
                table: "access_grants",
                columns: new[] { "coachee_id", "coach_id" });

            migrationBuilder.CreateIndex(
                name: "ix_matching_access_log_coachee",
                schema: "matching",
                table: "access_log",
                columns: new[] { "coachee_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_matching_coach_profiles_listed",
                schema: "matching",
                table: "coach_profiles",
                column: "is_listed");

            migrationBuilder.CreateIndex(
                name: "ix_matching_listings_coach",
                schema: "matching",
                table: "listings",
                column: "coach_id");

            migrationBuilder.CreateIndex(
                name: "ix_matching_quiz_submissions_user",
                schema: "matching",
                table: "quiz_submissions",
                columns: new[] { "user_id", "submitted_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "access_grants",
                schema: "matching");

            migrationBuilder.DropTable(
                name: "access_log",
                schema: "matching");

            migrationBuilder.DropTable(
                name: "coach_profiles",
                schema: "matching");

            migrationBuilder.DropTable(
                name: "coach_statuses",
                schema: "matching");

            migrationBuilder.DropTable(
                name: "counters",
                schema: "matching");

            migrationBuilder.DropTable(
                name: "cvs",
                schema: "matching");

            migrationBuilder.DropTable(
                name: "listings",
                schema: "matching");

            migrationBuilder.DropTable(
                name: "quiz_drafts",
                schema: "matching");

            migrationBuilder.DropTable(
                name: "quiz_submissions",
                schema: "matching");
        }
    }
}
