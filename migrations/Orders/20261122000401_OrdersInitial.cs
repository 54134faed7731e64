using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using TechInterviewCoach.BuildingBlocks.Persistence;
using TechInterviewCoach.Orders.Data;

namespace TechInterviewCoach.Migrations.Orders;

[DbContext(typeof(OrdersDbContext))]
[Migration("20261122000401_OrdersInitial")]
internal sealed class OrdersInitial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var n = DbNames.For(migrationBuilder, OrdersDbContext.ModuleName);
        if (n.Schema is not null) migrationBuilder.EnsureSchema(n.Schema);

        migrationBuilder.CreateTable(n.Table("orders"), schema: n.Schema, columns: t => new
        {
            id = t.Column<Guid>(nullable: false),
            coach_id = t.Column<Guid>(nullable: false),
            coachee_id = t.Column<Guid>(nullable: false),
            listing_id = t.Column<Guid>(nullable: false),
            listing_title = t.Column<string>(maxLength: 200, nullable: false),
            sessions = t.Column<int>(nullable: false),
            session_minutes = t.Column<int>(nullable: false),
            currency = t.Column<string>(maxLength: 3, nullable: false),
            gross_minor = t.Column<long>(nullable: false),
            platform_fee_minor = t.Column<long>(nullable: false),
            coach_net_minor = t.Column<long>(nullable: false),
            refunded_minor = t.Column<long>(nullable: false),
            state = t.Column<int>(nullable: false),
            idempotency_key = t.Column<string>(maxLength: 100, nullable: false),
            destination_account_id = t.Column<string>(maxLength: 100, nullable: false),
            checkout_session_id = t.Column<string>(maxLength: 200, nullable: true),
            checkout_url = t.Column<string>(maxLength: 2000, nullable: true),
            payment_intent_id = t.Column<string>(maxLength: 100, nullable: true),
            charge_id = t.Column<string>(maxLength: 100, nullable: true),
            dispute_id = t.Column<string>(maxLength: 100, nullable: true),
            dispute_reason = t.Column<string>(maxLength: 100, nullable: true),
            dispute_amount_minor = t.Column<long>(nullable: true),
            dispute_evidence_due_by = t.Column<DateTime>(nullable: true),
            dispute_status = t.Column<string>(maxLength: 40, nullable: true),
            dispute_closed_at = t.Column<DateTime>(nullable: true),
            created_at = t.Column<DateTime>(nullable: false),
            updated_at = t.Column<DateTime>(nullable: false),
            paid_at = t.Column<DateTime>(nullable: true),
            version = t.Column<Guid>(nullable: false),
        }, constraints: t => t.PrimaryKey($"pk_{n.Table("orders")}", x => x.id));
        migrationBuilder.CreateIndex(n.Index("orders_idempotency"), n.Table("orders"), ["coachee_id", "idempotency_key"], n.Schema, unique: true);
        migrationBuilder.CreateIndex(n.Index("orders_created"), n.Table("orders"), "created_at", n.Schema);
        migrationBuilder.CreateIndex(n.Index("orders_state_created"), n.Table("orders"), ["state", "created_at"], n.Schema);
        migrationBuilder.CreateIndex(n.Index("orders_coach"), n.Table("orders"), ["coach_id", "created_at"], n.Schema);
        migrationBuilder.CreateIndex(n.Index("orders_coachee"), n.Table("orders"), ["coachee_id", "created_at"], n.Schema);
        migrationBuilder.CreateIndex(n.Index("orders_checkout_session"), n.Table("orders"), "checkout_session_id", n.Schema);
        migrationBuilder.CreateIndex(n.Index("orders_payment_intent"), n.Table("orders"), "payment_intent_id", n.Schema);
        migrationBuilder.CreateIndex(n.Index("orders_charge"), n.Table("orders"), "charge_id", n.Schema);
        migrationBuilder.CreateIndex(n.Index("orders_dispute"), n.Table("orders"), "dispute_id", n.Schema);

        migrationBuilder.CreateTable(n.Table("order_timeline"), schema: n.Schema, columns: t => new
        {
            id = t.Column<Guid>(nullable: false),
            order_id = t.Column<Guid>(nullable: false),
            at = t.Column<DateTime>(nullable: false),
            actor = t.Column<string>(maxLength: 80, nullable: false),
            description = t.Column<string>(maxLength: 1000, nullable: false),
            stripe_event_id = t.Column<string>(maxLength: 100, nullable: true),
            state = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey($"pk_{n.Table("order_timeline")}", x => x.id);
            t.ForeignKey($"fk_{n.Table("order_timeline")}_order", x => x.order_id, n.Table("orders"), "id", n.Schema, onDelete: ReferentialAction.Cascade);
        });
        migrationBuilder.CreateIndex(n.Index("order_timeline_order"), n.Table("order_timeline"), ["order_id", "at"], n.Schema);

        migrationBuilder.CreateTable(n.Table("sessions"), schema: n.Schema, columns: t => new
        {
            id = t.Column<Guid>(nullable: false),
            order_id = t.Column<Guid>(nullable: false),
            coach_id = t.Column<Guid>(nullable: false),
            coachee_id = t.Column<Guid>(nullable: false),
            starts_at = t.Column<DateTime>(nullable: false),
            ends_at = t.Column<DateTime>(nullable: false),
            status = t.Column<int>(nullable: false),
            created_at = t.Column<DateTime>(nullable: false),
            cancelled_at = t.Column<DateTime>(nullable: true),
            cancelled_by = t.Column<string>(maxLength: 80, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey($"pk_{n.Table("sessions")}", x => x.id);
            t.ForeignKey($"fk_{n.Table("sessions")}_order", x => x.order_id, n.Table("orders"), "id", n.Schema, onDelete: ReferentialAction.Cascade);
        });
        // No slot is ever booked twice: a partial unique index over held and booked sessions (PostgreSQL and SQLite alike).
        migrationBuilder.CreateIndex(n.Index("sessions_active_slot"), n.Table("sessions"), ["coach_id", "starts_at"], n.Schema,
            unique: true, filter: OrdersDbContext.ActiveBookingFilter);
        migrationBuilder.CreateIndex(n.Index("sessions_order"), n.Table("sessions"), "order_id", n.Schema);
        migrationBuilder.CreateIndex(n.Index("sessions_coachee"), n.Table("sessions"), ["coachee_id", "starts_at"], n.Schema);

        migrationBuilder.CreateTable(n.Table("refunds"), schema: n.Schema, columns: t => new
        {
            id = t.Column<Guid>(nullable: false),
            order_id = t.Column<Guid>(nullable: false),
            amount_minor = t.Column<long>(nullable: false),
            reason = t.Column<string>(maxLength: 500, nullable: false),
            actor = t.Column<string>(maxLength: 80, nullable: false),
            stripe_refund_id = t.Column<string>(maxLength: 100, nullable: true),
            status = t.Column<int>(nullable: false),
            created_at = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey($"pk_{n.Table("refunds")}", x => x.id);
            t.ForeignKey($"fk_{n.Table("refunds")}_order", x => x.order_id, n.Table("orders"), "id", n.Schema, onDelete: ReferentialAction.Cascade);
        });
        migrationBuilder.CreateIndex(n.Index("refunds_order"), n.Table("refunds"), "order_id", n.Schema);
        migrationBuilder.CreateIndex(n.Index("refunds_stripe"), n.Table("refunds"), "stripe_refund_id", n.Schema);

        migrationBuilder.CreateTable(n.Table("stripe_events"), schema: n.Schema, columns: t => new
        {
            id = t.Column<string>(maxLength: 255, nullable: false),
            endpoint = t.Column<string>(maxLength: 20, nullable: false),
            type = t.Column<string>(maxLength: 100, nullable: false),
            account = t.Column<string>(maxLength: 100, nullable: true),
            payload = t.Column<string>(nullable: false),
            received_at = t.Column<DateTime>(nullable: false),
            processed_at = t.Column<DateTime>(nullable: true),
            status = t.Column<int>(nullable: false),
            attempts = t.Column<int>(nullable: false),
            next_attempt_at = t.Column<DateTime>(nullable: false),
            locked_until = t.Column<DateTime>(nullable: true),
            last_error = t.Column<string>(maxLength: 2000, nullable: true),
        }, constraints: t => t.PrimaryKey($"pk_{n.Table("stripe_events")}", x => x.id));
        migrationBuilder.CreateIndex(n.Index("stripe_events_due"), n.Table("stripe_events"), ["status", "next_attempt_at"], n.Schema);

        migrationBuilder.CreateTable(n.Table("payout_accounts"), schema: n.Schema, columns: t => new
        {
            coach_id = t.Column<Guid>(nullable: false),
            stripe_account_id = t.Column<string>(maxLength: 100, nullable: false),
            charges_enabled = t.Column<bool>(nullable: false),
            payouts_enabled = t.Column<bool>(nullable: false),
            details_submitted = t.Column<bool>(nullable: false),
            requirements_due = t.Column<string>(maxLength: 2000, nullable: false),
            simulated = t.Column<bool>(nullable: false),
            created_at = t.Column<DateTime>(nullable: false),
            updated_at = t.Column<DateTime>(nullable: false),
            state_as_of = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey($"pk_{n.Table("payout_accounts")}", x => x.coach_id));
        migrationBuilder.CreateIndex(n.Index("payout_accounts_stripe"), n.Table("payout_accounts"), "stripe_account_id", n.Schema, unique: true);

        migrationBuilder.CreateTable(n.Table("payouts"), schema: n.Schema, columns: t => new
        {
            id = t.Column<string>(maxLength: 100, nullable: false),
            coach_id = t.Column<Guid>(nullable: false),
            stripe_account_id = t.Column<string>(maxLength: 100, nullable: false),
            amount_minor = t.Column<long>(nullable: false),
            currency = t.Column<string>(maxLength: 3, nullable: false),
            status = t.Column<string>(maxLength: 40, nullable: false),
            arrival_date = t.Column<DateTime>(nullable: true),
            failure_message = t.Column<string>(maxLength: 500, nullable: true),
            stripe_event_id = t.Column<string>(maxLength: 100, nullable: true),
            updated_at = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey($"pk_{n.Table("payouts")}", x => x.id));
        migrationBuilder.CreateIndex(n.Index("payouts_coach"), n.Table("payouts"), ["coach_id", "updated_at"], n.Schema);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        var n = DbNames.For(migrationBuilder, OrdersDbContext.ModuleName);
        foreach (var table in new[] { "payouts", "payout_accounts", "stripe_events", "refunds", "sessions", "order_timeline", "orders" })
            migrationBuilder.DropTable(n.Table(table), n.Schema);
    }
}
