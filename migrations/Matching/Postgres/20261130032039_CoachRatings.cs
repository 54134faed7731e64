using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechInterviewCoach.Migrations.Matching.Postgres
{
    /// <inheritdoc />
    internal partial class CoachRatings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "rating_at",
                schema: "matching",
                table: "coach_statuses",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "rating_average",
                schema: "matching",
                table: "coach_statuses",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<int>(
                name: "rating_count",
                schema: "matching",
                table: "coach_statuses",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "rating_at",
                schema: "matching",
                table: "coach_statuses");

            migrationBuilder.DropColumn(
                name: "rating_average",
                schema: "matching",
                table: "coach_statuses");

            migrationBuilder.DropColumn(
                name: "rating_count",
                schema: "matching",
                table: "coach_statuses");
        }
    }
}
