using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechInterviewCoach.Migrations.Matching.Postgres
{
    /// <inheritdoc />
    internal partial class CvReadings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cv_readings",
                schema: "matching",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    has_text = table.Column<bool>(type: "boolean", nullable: false),
                    skills_json = table.Column<string>(type: "text", nullable: false),
                    employers_json = table.Column<string>(type: "text", nullable: false),
                    years_of_experience = table.Column<int>(type: "integer", nullable: true),
                    title = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    seniority = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    read_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    corrected_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cv_readings", x => x.user_id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cv_readings",
                schema: "matching");
        }
    }
}
