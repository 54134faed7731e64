using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechInterviewCoach.Migrations.Orders.Postgres
{
    /// <inheritdoc />
    internal partial class SessionLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "meeting_url",
                schema: "orders",
                table: "sessions",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "proposed_by",
                schema: "orders",
                table: "sessions",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "proposed_starts_at",
                schema: "orders",
                table: "sessions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "reminder1_for",
                schema: "orders",
                table: "sessions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "reminder24_for",
                schema: "orders",
                table: "sessions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "sequence",
                schema: "orders",
                table: "sessions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "meeting_url",
                schema: "orders",
                table: "orders",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "unused_refunded_sessions",
                schema: "orders",
                table: "orders",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "valid_until",
                schema: "orders",
                table: "orders",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "validity_days",
                schema: "orders",
                table: "orders",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "meeting_url",
                schema: "orders",
                table: "sessions");

            migrationBuilder.DropColumn(
                name: "proposed_by",
                schema: "orders",
                table: "sessions");

            migrationBuilder.DropColumn(
                name: "proposed_starts_at",
                schema: "orders",
                table: "sessions");

            migrationBuilder.DropColumn(
                name: "reminder1_for",
                schema: "orders",
                table: "sessions");

            migrationBuilder.DropColumn(
                name: "reminder24_for",
                schema: "orders",
                table: "sessions");

            migrationBuilder.DropColumn(
                name: "sequence",
                schema: "orders",
                table: "sessions");

            migrationBuilder.DropColumn(
                name: "meeting_url",
                schema: "orders",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "unused_refunded_sessions",
                schema: "orders",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "valid_until",
                schema: "orders",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "validity_days",
                schema: "orders",
                table: "orders");
        }
    }
}
