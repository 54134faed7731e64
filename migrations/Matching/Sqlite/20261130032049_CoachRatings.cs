using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechInterviewCoach.Migrations.Matching.Sqlite
{
    /// <inheritdoc />
    internal partial class CoachRatings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "rating_at",
                table: "matching_coach_statuses",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "rating_average",
                table: "matching_coach_statuses",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<int>(
                name: "rating_count",
                table: "matching_coach_statuses",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "rating_at",
                table: "matching_coach_statuses");

            migrationBuilder.DropColumn(
                name: "rating_average",
                table: "matching_coach_statuses");

            migrationBuilder.DropColumn(
                name: "rating_count",
                table: "matching_coach_statuses");
        }
    }
}
