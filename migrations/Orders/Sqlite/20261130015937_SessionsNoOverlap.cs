using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechInterviewCoach.Migrations.Orders.Sqlite
{
    /// <summary>
    /// Nothing to change on SQLite: it has no exclusion constraints, so checkout serialises its overlap check and insert in
    /// one write transaction (BEGIN IMMEDIATE, see StartCheckoutHandler). Kept so both providers' histories read alike.
    /// </summary>
    internal partial class SessionsNoOverlap : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
