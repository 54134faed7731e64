using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechInterviewCoach.Migrations.Orders.Sqlite
{
    /// <inheritdoc />
    internal partial class SessionReviewsAndReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "orders_session_reports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    booking_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    order_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    coach_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    coachee_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    reporter_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    problem = table.Column<int>(type: "INTEGER", nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    answer = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    answered_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    decision = table.Column<int>(type: "INTEGER", nullable: true),
                    decision_note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    settled_by = table.Column<Guid>(type: "TEXT", nullable: true),
                    settled_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    refund_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_orders_session_reports", x => x.id);
                    table.ForeignKey(
                        name: "fk_orders_session_reports_session",
                        column: x => x.booking_id,
                        principalTable: "orders_sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "orders_session_reviews",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    booking_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    order_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    coach_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    coachee_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    author_name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    rating = table.Column<int>(type: "INTEGER", nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    reply = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    replied_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    hidden_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    hidden_reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    hidden_by = table.Column<Guid>(type: "TEXT", nullable: true),
                    version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_orders_session_reviews", x => x.id);
                    table.ForeignKey(
                        name: "fk_orders_session_reviews_session",
                        column: x => x.booking_id,
                        principalTable: "orders_sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_orders_session_reports_open",
                table: "orders_session_reports",
                columns: new[] { "settled_at", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_orders_session_reports_order",
                table: "orders_session_reports",
                columns: new[] { "order_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_orders_session_reports_session",
                table: "orders_session_reports",
                column: "booking_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_orders_session_reviews_coach",
                table: "orders_session_reviews",
                columns: new[] { "coach_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_orders_session_reviews_coachee",
                table: "orders_session_reviews",
                column: "coachee_id");

            migrationBuilder.CreateIndex(
                name: "ix_orders_session_reviews_session",
                table: "orders_session_reviews",
                column: "booking_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "orders_session_reports");

            migrationBuilder.DropTable(
                name: "orders_session_reviews");
        }
    }
}
