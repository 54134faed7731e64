using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechInterviewCoach.Migrations.Orders.Postgres
{
    /// <summary>
    /// A coach is never held or booked twice at overlapping times. The unique index on (coach_id, starts_at) only caught
    /// equal starts: a 90-minute session at 10:00 and a 60-minute one at 11:00 both passed the read-then-insert check when
    /// bought at the same moment. An exclusion constraint refuses any two held or booked sessions of one coach whose
    /// [starts_at, ends_at) ranges overlap (btree_gist gives "=" on uuid inside a GiST index); adjacent sessions do not
    /// overlap. Edited by hand: EF Core cannot model an exclusion constraint. (SQLite: see the Sqlite migration.)
    /// </summary>
    internal partial class SessionsNoOverlap : Migration
    {
        public const string ConstraintName = "sessions_no_overlap";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // btree_gist is a trusted extension (PostgreSQL 13+): a database owner may create it without superuser rights.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS btree_gist;");
            migrationBuilder.Sql($"""
                ALTER TABLE orders.sessions ADD CONSTRAINT "{ConstraintName}"
                EXCLUDE USING gist (coach_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&)
                WHERE ({TechInterviewCoach.Orders.Data.OrdersDbContext.ActiveBookingFilter});
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""ALTER TABLE orders.sessions DROP CONSTRAINT IF EXISTS "{ConstraintName}";""");
        }
    }
}
