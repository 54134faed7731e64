using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechInterviewCoach.Migrations.Orders.Sqlite
{
    /// <inheritdoc />
    internal partial class SessionLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "meeting_url",
                table: "orders_sessions",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "proposed_by",
                table: "orders_sessions",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "proposed_starts_at",
                table: "orders_sessions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "reminder1_for",
                table: "orders_sessions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "reminder24_for",
                table: "orders_sessions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "sequence",
                table: "orders_sessions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "meeting_url",
                table: "orders_orders",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "unused_refunded_sessions",
                table: "orders_orders",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "valid_until",
                table: "orders_orders",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "validity_days",
                table: "orders_orders",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "meeting_url",
                table: "orders_sessions");

            migrationBuilder.DropColumn(
                name: "proposed_by",
                table: "orders_sessions");

            migrationBuilder.DropColumn(
                name: "proposed_starts_at",
                table: "orders_sessions");

            migrationBuilder.DropColumn(
                name: "reminder1_for",
                table: "orders_sessions");

            migrationBuilder.DropColumn(
                name: "reminder24_for",
                table: "orders_sessions");

            migrationBuilder.DropColumn(
                name: "sequence",
                table: "orders_sessions");

            migrationBuilder.DropColumn(
                name: "meeting_url",
                table: "orders_orders");

            migrationBuilder.DropColumn(
                name: "unused_refunded_sessions",
                table: "orders_orders");

            migrationBuilder.DropColumn(
                name: "valid_until",
                table: "orders_orders");

            migrationBuilder.DropColumn(
                name: "validity_days",
                table: "orders_orders");
        }
    }
}
