using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechInterviewCoach.Migrations.Orders.Postgres
{
    /// <inheritdoc />
    internal partial class Baseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "orders");

            migrationBuilder.CreateTable(
                name: "orders",
                schema: "orders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    coach_id = table.Column<Guid>(type: "uuid", nullable: false),
                    coachee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    listing_id = table.Column<Guid>(type: "uuid", nullable: false),
                    listing_title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    sessions = table.Column<int>(type: "integer", nullable: false),
                    session_minutes = table.Column<int>(type: "integer", nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    gross_minor = table.Column<long>(type: "bigint", nullable: false),
                    platform_fee_minor = table.Column<long>(type: "bigint", nullable: false),
                    coach_net_minor = table.Column<long>(type: "bigint", nullable: false),
                    refunded_minor = table.Column<long>(type: "bigint", nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    idempotency_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    destination_account_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    checkout_session_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    checkout_url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    payment_intent_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    charge_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    dispute_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    dispute_reason = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    dispute_amount_minor = table.Column<long>(type: "bigint", nullable: true),
                    dispute_evidence_due_by = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    dispute_status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    dispute_closed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    paid_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_orders", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "payout_accounts",
                schema: "orders",
                columns: table => new
                {
                    coach_id = table.Column<Guid>(type: "uuid", nullable: false),
                    stripe_account_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    charges_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    payouts_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    details_submitted = table.Column<bool>(type: "boolean", nullable: false),
                    requirements_due = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    simulated = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    state_as_of = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payout_accounts", x => x.coach_id);
                });

            migrationBuilder.CreateTable(
                name: "payouts",
                schema: "orders",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    coach_id = table.Column<Guid>(type: "uuid", nullable: false),
                    stripe_account_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    amount_minor = table.Column<long>(type: "bigint", nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    arrival_date = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    failure_message = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    stripe_event_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payouts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "stripe_events",
                schema: "orders",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    endpoint = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    account = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    payload = table.Column<string>(type: "text", nullable: false),
                    received_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    processed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    status = table.Column<int>(type: "integer", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    locked_until = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stripe_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "order_timeline",
                schema: "orders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    order_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    actor = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    stripe_event_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    state = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_order_timeline", x => x.id);
                    table.ForeignKey(
                        name: "fk_order_timeline_order",
                        column: x => x.order_id,
                        principalSchema: "orders",
                        principalTable: "orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "refunds",
                schema: "orders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    order_id = table.Column<Guid>(type: "uuid", nullable: false),
                    amount_minor = table.Column<long>(type: "bigint", nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    actor = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    stripe_refund_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    status = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_refunds", x => x.id);
                    table.ForeignKey(
                        name: "fk_refunds_order",
                        column: x => x.order_id,
                        principalSchema: "orders",
                        principalTable: "orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sessions",
                schema: "orders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    order_id = table.Column<Guid>(type: "uuid", nullable: false),
                    coach_id = table.Column<Guid>(type: "uuid", nullable: false),
                    coachee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    starts_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ends_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    cancelled_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    cancelled_by = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sessions", x => x.id);
                    table.ForeignKey(
                        name: "fk_sessions_order",
                        column: x => x.order_id,
                        principalSchema: "orders",
                        principalTable: "orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_orders_order_timeline_order",
                schema: "orders",
                table: "order_timeline",
                columns: new[] { "order_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_orders_orders_charge",
                schema: "orders",
                table: "orders",
                column: "charge_id");

            migrationBuilder.CreateIndex(
                name: "ix_orders_orders_checkout_session",
                schema: "orders",
                table: "orders",
                column: "checkout_session_id");

            migrationBuilder.CreateIndex(
                name: "ix_orders_orders_coach",
                schema: "orders",
                table: "orders",
                columns: new[] { "coach_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_orders_orders_coachee",
                schema: "orders",
                table: "orders",
                columns: new[] { "coachee_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_orders_orders_created",
                schema: "orders",
                table: "orders",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_orders_orders_dispute",
                schema: "orders",
                table: "orders",
                column: "dispute_id");

            migrationBuilder.CreateIndex(
                name: "ix_orders_orders_idempotency",
                schema: "orders",
                table: "orders",
                columns: new[] { "coachee_id", "idempotency_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_orders_orders_payment_intent",
                schema: "orders",
                table: "orders",
                column: "payment_intent_id");

            migrationBuilder.CreateIndex(
                name: "ix_orders_orders_state_created",
                schema: "orders",
                table: "orders",
                columns: new[] { "state", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_orders_payout_accounts_stripe",
                schema: "orders",
                table: "payout_accounts",
                column: "stripe_account_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_orders_payouts_coach",
                schema: "orders",
                table: "payouts",
                columns: new[] { "coach_id", "updated_at" });

            migrationBuilder.CreateIndex(
                name: "ix_orders_refunds_order",
                schema: "orders",
                table: "refunds",
                column: "order_id");

            migrationBuilder.CreateIndex(
                name: "ix_orders_refunds_stripe",
                schema: "orders",
                table: "refunds",
                column: "stripe_refund_id");

            migrationBuilder.CreateIndex(
                name: "ix_orders_sessions_active_slot",
                schema: "orders",
                table: "sessions",
                columns: new[] { "coach_id", "starts_at" },
                unique: true,
                filter: "\"status\" IN (0, 1)");

            migrationBuilder.CreateIndex(
                name: "ix_orders_sessions_coachee",
                schema: "orders",
                table: "sessions",
                columns: new[] { "coachee_id", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "ix_orders_sessions_order",
                schema: "orders",
                table: "sessions",
                column: "order_id");

            migrationBuilder.CreateIndex(
                name: "ix_orders_stripe_events_due",
                schema: "orders",
                table: "stripe_events",
                columns: new[] { "status", "next_attempt_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "order_timeline",
                schema: "orders");

            migrationBuilder.DropTable(
                name: "payout_accounts",
                schema: "orders");

            migrationBuilder.DropTable(
                name: "payouts",
                schema: "orders");

            migrationBuilder.DropTable(
                name: "refunds",
                schema: "orders");

            migrationBuilder.DropTable(
                name: "sessions",
                schema: "orders");

            migrationBuilder.DropTable(
                name: "stripe_events",
                schema: "orders");

            migrationBuilder.DropTable(
                name: "orders",
                schema: "orders");
        }
    }
}
