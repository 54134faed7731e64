using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechInterviewCoach.Migrations.Orders.Sqlite
{
    /// <inheritdoc />
    internal partial class Baseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "orders_orders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    coach_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    coachee_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    listing_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    listing_title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    sessions = table.Column<int>(type: "INTEGER", nullable: false),
                    session_minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    gross_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    platform_fee_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    coach_net_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    refunded_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    state = table.Column<int>(type: "INTEGER", nullable: false),
                    idempotency_key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    destination_account_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    checkout_session_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    checkout_url = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    payment_intent_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    charge_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    dispute_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    dispute_reason = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    dispute_amount_minor = table.Column<long>(type: "INTEGER", nullable: true),
                    dispute_evidence_due_by = table.Column<DateTime>(type: "TEXT", nullable: true),
                    dispute_status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    dispute_closed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    paid_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_orders_orders", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "orders_payout_accounts",
                columns: table => new
                {
                    coach_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    stripe_account_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    charges_enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    payouts_enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    details_submitted = table.Column<bool>(type: "INTEGER", nullable: false),
                    requirements_due = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    simulated = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    state_as_of = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_orders_payout_accounts", x => x.coach_id);
                });

            migrationBuilder.CreateTable(
                name: "orders_payouts",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    coach_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    stripe_account_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    amount_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    arrival_date = table.Column<DateTime>(type: "TEXT", nullable: true),
                    failure_message = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    stripe_event_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_orders_payouts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "orders_stripe_events",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    endpoint = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    account = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    payload = table.Column<string>(type: "TEXT", nullable: false),
                    received_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    processed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    next_attempt_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    locked_until = table.Column<DateTime>(type: "TEXT", nullable: true),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_orders_stripe_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "orders_order_timeline",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    order_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    actor = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    stripe_event_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    state = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_orders_order_timeline", x => x.id);
                    table.ForeignKey(
                        name: "fk_orders_order_timeline_order",
                        column: x => x.order_id,
                        principalTable: "orders_orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "orders_refunds",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    order_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    amount_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    actor = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    stripe_refund_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_orders_refunds", x => x.id);
                    table.ForeignKey(
                        name: "fk_orders_refunds_order",
                        column: x => x.order_id,
                        principalTable: "orders_orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "orders_sessions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    order_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    coach_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    coachee_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    starts_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ends_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    cancelled_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    cancelled_by = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_orders_sessions", x => x.id);
                    table.ForeignKey(
                        name: "fk_orders_sessions_order",
                        column: x => x.order_id,
                        principalTable: "orders_orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_orders_order_timeline_order",
                table: "orders_order_timeline",
                columns: new[] { "order_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_orders_orders_charge",
                table: "orders_orders",
                column: "charge_id");

            migrationBuilder.CreateIndex(
                name: "ix_orders_orders_checkout_session",
                table: "orders_orders",
                column: "checkout_session_id");

            migrationBuilder.CreateIndex(
                name: "ix_orders_orders_coach",
                table: "orders_orders",
                columns: new[] { "coach_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_orders_orders_coachee",
                table: "orders_orders",
                columns: new[] { "coachee_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_orders_orders_created",
                table: "orders_orders",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_orders_orders_dispute",
                table: "orders_orders",
                column: "dispute_id");

            migrationBuilder.CreateIndex(
                name: "ix_orders_orders_idempotency",
                table: "orders_orders",
                columns: new[] { "coachee_id", "idempotency_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_orders_orders_payment_intent",
                table: "orders_orders",
                column: "payment_intent_id");

            migrationBuilder.CreateIndex(
                name: "ix_orders_orders_state_created",
                table: "orders_orders",
                columns: new[] { "state", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_orders_payout_accounts_stripe",
                table: "orders_payout_accounts",
                column: "stripe_account_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_orders_payouts_coach",
                table: "orders_payouts",
                columns: new[] { "coach_id", "updated_at" });

            migrationBuilder.CreateIndex(
                name: "ix_orders_refunds_order",
                table: "orders_refunds",
                column: "order_id");

            migrationBuilder.CreateIndex(
                name: "ix_orders_refunds_stripe",
                table: "orders_refunds",
                column: "stripe_refund_id");

            migrationBuilder.CreateIndex(
                name: "ix_orders_sessions_active_slot",
                table: "orders_sessions",
                columns: new[] { "coach_id", "starts_at" },
                unique: true,
                filter: "\"status\" IN (0, 1)");

            migrationBuilder.CreateIndex(
                name: "ix_orders_sessions_coachee",
                table: "orders_sessions",
                columns: new[] { "coachee_id", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "ix_orders_sessions_order",
                table: "orders_sessions",
                column: "order_id");

            migrationBuilder.CreateIndex(
                name: "ix_orders_stripe_events_due",
                table: "orders_stripe_events",
                columns: new[] { "status", "next_attempt_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "orders_order_timeline");

            migrationBuilder.DropTable(
                name: "orders_payout_accounts");

            migrationBuilder.DropTable(
                name: "orders_payouts");

            migrationBuilder.DropTable(
                name: "orders_refunds");

            migrationBuilder.DropTable(
                name: "orders_sessions");

            migrationBuilder.DropTable(
                name: "orders_stripe_events");

            migrationBuilder.DropTable(
                name: "orders_orders");
        }
    }
}
