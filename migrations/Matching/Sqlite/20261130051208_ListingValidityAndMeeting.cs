using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechInterviewCoach.Migrations.Matching.Sqlite
{
    /// <inheritdoc />
    internal partial class ListingValidityAndMeeting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "meeting_url",
                table: "matching_listings",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "validity_days",
                table: "matching_listings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 90); // listings saved before this column: the 90 days Orders fell back to
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "meeting_url",
                table: "matching_listings");

            migrationBuilder.DropColumn(
                name: "validity_days",
                table: "matching_listings");
        }
    }
}
