using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using TechInterviewCoach.BuildingBlocks.Persistence;
using TechInterviewCoach.Matching.Data;

namespace TechInterviewCoach.Migrations.Matching;

[DbContext(typeof(MatchingDbContext))]
[Migration("20261122000201_MatchingInitial")]
internal sealed class MatchingInitial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var n = DbNames.For(migrationBuilder, MatchingDbContext.ModuleName);
        if (n.Schema is not null) migrationBuilder.EnsureSchema(n.Schema);

        migrationBuilder.CreateTable(n.Table("quiz_drafts"), schema: n.Schema,
            columns: t => new
            {
                user_id = t.Column<Guid>(nullable: false),
                quiz_version = t.Column<int>(nullable: false),
                answers_json = t.Column<string>(nullable: false),
                updated_at = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey($"pk_{n.Table("quiz_drafts")}", x => x.user_id));

        migrationBuilder.CreateTable(n.Table("quiz_submissions"), schema: n.Schema,
            columns: t => new
            {
                id = t.Column<Guid>(nullable: false),
                user_id = t.Column<Guid>(nullable: false),
                quiz_version = t.Column<int>(nullable: false),
                answers_json = t.Column<string>(nullable: false),
                submitted_at = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey($"pk_{n.Table("quiz_submissions")}", x => x.id));
        migrationBuilder.CreateIndex(n.Index("quiz_submissions_user"), n.Table("quiz_submissions"), ["user_id", "submitted_at"], n.Schema);

        migrationBuilder.CreateTable(n.Table("cvs"), schema: n.Schema,
            columns: t => new
            {
                user_id = t.Column<Guid>(nullable: false),
                storage_id = t.Column<string>(maxLength: 64, nullable: false),
                file_name = t.Column<string>(maxLength: 200, nullable: false),
                size_bytes = t.Column<long>(nullable: false),
                uploaded_at = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey($"pk_{n.Table("cvs")}", x => x.user_id));

        migrationBuilder.CreateTable(n.Table("coach_profiles"), schema: n.Schema,
            columns: t => new
            {
                coach_id = t.Column<Guid>(nullable: false),
                headline = t.Column<string>(maxLength: 160, nullable: false),
                bio = t.Column<string>(maxLength: 4000, nullable: false),
                years_of_experience = t.Column<int>(nullable: false),
                time_zone = t.Column<string>(maxLength: 64, nullable: false),
                details_json = t.Column<string>(nullable: false),
                is_published = t.Column<bool>(nullable: false),
                is_listed = t.Column<bool>(nullable: false),
                updated_at = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey($"pk_{n.Table("coach_profiles")}", x => x.coach_id));
        migrationBuilder.CreateIndex(n.Index("coach_profiles_listed"), n.Table("coach_profiles"), "is_listed", n.Schema);

        migrationBuilder.CreateTable(n.Table("coach_statuses"), schema: n.Schema,
            columns: t => new
            {
                coach_id = t.Column<Guid>(nullable: false),
                payouts_enabled = t.Column<bool>(nullable: false),
                is_suspended = t.Column<bool>(nullable: false),
                is_deleted = t.Column<bool>(nullable: false),
                median_first_reply_minutes = t.Column<double>(nullable: true),
                answered_conversations = t.Column<int>(nullable: false),
                overdue_conversations = t.Column<int>(nullable: false),
                updated_at = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey($"pk_{n.Table("coach_statuses")}", x => x.coach_id));

        migrationBuilder.CreateTable(n.Table("listings"), schema: n.Schema,
            columns: t => new
            {
                id = t.Column<Guid>(nullable: false),
                coach_id = t.Column<Guid>(nullable: false),
                title = t.Column<string>(maxLength: 120, nullable: false),
                description = t.Column<string>(maxLength: 2000, nullable: false),
                kind = t.Column<int>(nullable: false),
                sessions = t.Column<int>(nullable: false),
                session_minutes = t.Column<int>(nullable: false),
                price_minor = t.Column<long>(nullable: false),
                currency = t.Column<string>(maxLength: 3, nullable: false),
                is_published = t.Column<bool>(nullable: false),
                created_at = t.Column<DateTime>(nullable: false),
                updated_at = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey($"pk_{n.Table("listings")}", x => x.id);
                // The price rule is also a database rule: positive, at most 1,000,000 major units (100,000,000 minor).
                t.CheckConstraint($"ck_{n.Table("listings")}_price", "price_minor > 0 AND price_minor <= 100000000");
                t.CheckConstraint($"ck_{n.Table("listings")}_sessions", "sessions >= 1 AND sessions <= 20");
            });
        migrationBuilder.CreateIndex(n.Index("listings_coach"), n.Table("listings"), "coach_id", n.Schema);

        migrationBuilder.CreateTable(n.Table("access_grants"), schema: n.Schema,
            columns: t => new
            {
                id = t.Column<Guid>(nullable: false),
                coachee_id = t.Column<Guid>(nullable: false),
                coach_id = t.Column<Guid>(nullable: false),
                conversation_id = t.Column<Guid>(nullable: false),
                granted_at = t.Column<DateTime>(nullable: false),
                ended_at = t.Column<DateTime>(nullable: true),
            },
            constraints: t => t.PrimaryKey($"pk_{n.Table("access_grants")}", x => x.id));
        migrationBuilder.CreateIndex(n.Index("access_grants_conversation"), n.Table("access_grants"), "conversation_id", n.Schema, unique: true);
        migrationBuilder.CreateIndex(n.Index("access_grants_pair"), n.Table("access_grants"), ["coachee_id", "coach_id"], n.Schema);

        migrationBuilder.CreateTable(n.Table("access_log"), schema: n.Schema,
            columns: t => new
            {
                id = t.Column<Guid>(nullable: false),
                coach_id = t.Column<Guid>(nullable: false),
                coachee_id = t.Column<Guid>(nullable: false),
                what = t.Column<string>(maxLength: 10, nullable: false),
                at = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey($"pk_{n.Table("access_log")}", x => x.id));
        migrationBuilder.CreateIndex(n.Index("access_log_coachee"), n.Table("access_log"), ["coachee_id", "at"], n.Schema);

        migrationBuilder.CreateTable(n.Table("counters"), schema: n.Schema,
            columns: t => new
            {
                name = t.Column<string>(maxLength: 40, nullable: false),
                value = t.Column<long>(nullable: false),
            },
            constraints: t => t.PrimaryKey($"pk_{n.Table("counters")}", x => x.name));
        migrationBuilder.Sql($"INSERT INTO {n.Qualified("counters")} (name, value) VALUES ('{MatchingDbContext.SnapshotCounter}', 0)");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        var n = DbNames.For(migrationBuilder, MatchingDbContext.ModuleName);
        foreach (var table in new[] { "counters", "access_log", "access_grants", "listings", "coach_statuses", "coach_profiles", "cvs", "quiz_submissions", "quiz_drafts" })
            migrationBuilder.DropTable(n.Table(table), n.Schema);
    }
}
