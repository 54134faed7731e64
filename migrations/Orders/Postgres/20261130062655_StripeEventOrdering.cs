using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechInterviewCoach.Migrations.Orders.Postgres
{
    /// <inheritdoc />
    internal partial class StripeEventOrdering : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "object_key",
                schema: "orders",
                table: "stripe_events",
                type: "character varying(255)",
                maxLength: 255,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "stripe_created_at",
                schema: "orders",
                table: "stripe_events",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<bool>(
                name: "waiting",
                schema: "orders",
                table: "stripe_events",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "ix_orders_stripe_events_pending_object",
                schema: "orders",
                table: "stripe_events",
                columns: new[] { "object_key", "stripe_created_at", "received_at" },
                filter: "status = 0");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_orders_stripe_events_pending_object",
                schema: "orders",
                table: "stripe_events");

            migrationBuilder.DropColumn(
                name: "object_key",
                schema: "orders",
                table: "stripe_events");

            migrationBuilder.DropColumn(
                name: "stripe_created_at",
                schema: "orders",
                table: "stripe_events");

            migrationBuilder.DropColumn(
                name: "waiting",
                schema: "orders",
                table: "stripe_events");
        }
    }
}
