using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechInterviewCoach.Migrations.Orders.Sqlite
{
    /// <inheritdoc />
    internal partial class StripeEventOrdering : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "object_key",
                table: "orders_stripe_events",
                type: "TEXT",
                maxLength: 255,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "stripe_created_at",
                table: "orders_stripe_events",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<bool>(
                name: "waiting",
                table: "orders_stripe_events",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "ix_orders_stripe_events_pending_object",
                table: "orders_stripe_events",
                columns: new[] { "object_key", "stripe_created_at", "received_at" },
                filter: "status = 0");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_orders_stripe_events_pending_object",
                table: "orders_stripe_events");

            migrationBuilder.DropColumn(
                name: "object_key",
                table: "orders_stripe_events");

            migrationBuilder.DropColumn(
                name: "stripe_created_at",
                table: "orders_stripe_events");

            migrationBuilder.DropColumn(
                name: "waiting",
                table: "orders_stripe_events");
        }
    }
}
