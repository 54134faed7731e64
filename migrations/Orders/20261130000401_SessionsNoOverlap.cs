using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using TechInterviewCoach.BuildingBlocks.Persistence;
using TechInterviewCoach.Orders.Data;

namespace TechInterviewCoach.Migrations.Orders;

/// <summary>
/// A coach is never held or booked twice at overlapping times. The unique index on (coach_id, starts_at) only caught equal
/// starts: a 90-minute session at 10:00 and a 60-minute one at 11:00 both passed the read-then-insert check when bought at
/// the same moment. On PostgreSQL an exclusion constraint now refuses any two held or booked sessions of one coach whose
/// [starts_at, ends_at) ranges overlap (btree_gist provides "=" on uuid inside a GiST index); adjacent sessions (one ends
/// as the next starts) do not overlap. SQLite has no such constraint: there checkout serializes its check and insert in a
/// write transaction (BEGIN IMMEDIATE), see StartCheckoutHandler.
/// </summary>
[DbContext(typeof(OrdersDbContext))]
[Migration("20261130000401_SessionsNoOverlap")]
internal sealed class SessionsNoOverlap : Migration
{
    public const string ConstraintName = "sessions_no_overlap";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var n = DbNames.For(migrationBuilder, OrdersDbContext.ModuleName);
        if (n.IsSqlite) return;
        // btree_gist is a trusted extension (PostgreSQL 13+): a database owner may create it without superuser rights.
        migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS btree_gist;");
        migrationBuilder.Sql($"""
            ALTER TABLE {n.Qualified("sessions")} ADD CONSTRAINT "{ConstraintName}"
            EXCLUDE USING gist (coach_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&)
            WHERE ({OrdersDbContext.ActiveBookingFilter});
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        var n = DbNames.For(migrationBuilder, OrdersDbContext.ModuleName);
        if (n.IsSqlite) return;
        migrationBuilder.Sql($"""ALTER TABLE {n.Qualified("sessions")} DROP CONSTRAINT IF EXISTS "{ConstraintName}";""");
    }
}
