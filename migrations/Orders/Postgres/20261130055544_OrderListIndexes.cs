using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechInterviewCoach.Migrations.Orders.Postgres
{
    /// <inheritdoc />
    internal partial class OrderListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_orders_orders_created",
                schema: "orders",
                table: "orders");

            migrationBuilder.CreateIndex(
                name: "ix_orders_orders_created",
                schema: "orders",
                table: "orders",
                columns: new[] { "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_orders_orders_gross",
                schema: "orders",
                table: "orders",
                column: "gross_minor");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_orders_orders_created",
                schema: "orders",
                table: "orders");

            migrationBuilder.DropIndex(
                name: "ix_orders_orders_gross",
                schema: "orders",
                table: "orders");

            migrationBuilder.CreateIndex(
                name: "ix_orders_orders_created",
                schema: "orders",
                table: "orders",
                column: "created_at");
        }
    }
}
