using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechInterviewCoach.Migrations.Matching.Sqlite
{
    /// <inheritdoc />
    internal partial class CvReadings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "matching_cv_readings",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    has_text = table.Column<bool>(type: "INTEGER", nullable: false),
                    skills_json = table.Column<string>(type: "TEXT", nullable: false),
                    employers_json = table.Column<string>(type: "TEXT", nullable: false),
                    years_of_experience = table.Column<int>(type: "INTEGER", nullable: true),
                    title = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    seniority = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    read_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    corrected_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_matching_cv_readings", x => x.user_id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "matching_cv_readings");
        }
    }
}
