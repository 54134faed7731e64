using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechInterviewCoach.Migrations.Matching.Postgres
{
    /// <inheritdoc />
    internal partial class ListingValidityAndMeeting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "meeting_url",
                schema: "matching",
                table: "listings",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "validity_days",
                schema: "matching",
                table: "listings",
                type: "integer",
                nullable: false,
                defaultValue: 90); // listings saved before this column: the 90 days Orders fell back to
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "meeting_url",
                schema: "matching",
                table: "listings");

            migrationBuilder.DropColumn(
                name: "validity_days",
                schema: "matching",
                table: "listings");
        }
    }
}
