using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechInterviewCoach.Migrations.Orders.Sqlite
{
    /// <inheritdoc />
    internal partial class OrderListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_orders_orders_created",
                table: "orders_orders");

            migrationBuilder.CreateIndex(
                name: "ix_orders_orders_created",
                table: "orders_orders",
                columns: new[] { "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_orders_orders_gross",
                table: "orders_orders",
                column: "gross_minor");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_orders_orders_created",
                table: "orders_orders");

            migrationBuilder.DropIndex(
                name: "ix_orders_orders_gross",
                table: "orders_orders");

            migrationBuilder.CreateIndex(
                name: "ix_orders_orders_created",
                table: "orders_orders",
                column: "created_at");
        }
    }
}
