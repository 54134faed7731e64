using TechInterviewCoach.BuildingBlocks.Persistence;

namespace TechInterviewCoach.Orders.Data;

internal sealed class OrdersDbContext(DbContextOptions<OrdersDbContext> options) : ModuleDbContext(options)
{
    public const string ModuleName = "orders";
    public override string Module => ModuleName;

    /// <summary>The partial unique index's filter: only held and booked sessions occupy a slot.</summary>
    public const string ActiveBookingFilter = "\"status\" IN (0, 1)";

    public DbSet<Order> Orders => Set<Order>();
    public DbSet<OrderTimelineEntry> Timeline => Set<OrderTimelineEntry>();
    public DbSet<Booking> Bookings => Set<Booking>();
    public DbSet<RefundRecord> Refunds => Set<RefundRecord>();
    public DbSet<StripeEventRecord> StripeEvents => Set<StripeEventRecord>();
    public DbSet<PayoutAccount> PayoutAccounts => Set<PayoutAccount>();
    public DbSet<Payout> Payouts => Set<Payout>();
    public DbSet<SessionReview> Reviews => Set<SessionReview>();
    public DbSet<SessionReport> Reports => Set<SessionReport>();

    protected override void ConfigureModel(ModelBuilder modelBuilder, DbNames names)
    {
        modelBuilder.Entity<Order>(e =>
        {
            e.ToTable(names.Table("orders"), names.Schema);
            e.HasKey(o => o.Id);
            e.Property(o => o.Id).ValueGeneratedNever();
            e.Property(o => o.ListingTitle).HasMaxLength(200);
            e.Property(o => o.Currency).HasMaxLength(3);
            e.Property(o => o.IdempotencyKey).HasMaxLength(100);
            e.Property(o => o.DestinationAccountId).HasMaxLength(100);
            e.Property(o => o.CheckoutSessionId).HasMaxLength(200);
            e.Property(o => o.CheckoutUrl).HasMaxLength(2000);
            e.Property(o => o.PaymentIntentId).HasMaxLength(100);
            e.Property(o => o.ChargeId).HasMaxLength(100);
            e.Property(o => o.DisputeId).HasMaxLength(100);
            e.Property(o => o.DisputeReason).HasMaxLength(100);
            e.Property(o => o.DisputeStatus).HasMaxLength(40);
            e.Property(o => o.Version).IsConcurrencyToken();
            e.Property(o => o.MeetingUrl).HasMaxLength(500);
            e.HasMany(o => o.Timeline).WithOne().HasForeignKey(t => t.OrderId).HasConstraintName($"fk_{names.Table("order_timeline")}_order");
            e.HasMany(o => o.Bookings).WithOne().HasForeignKey(b => b.OrderId).HasConstraintName($"fk_{names.Table("sessions")}_order");
            e.HasMany(o => o.Refunds).WithOne().HasForeignKey(r => r.OrderId).HasConstraintName($"fk_{names.Table("refunds")}_order");
            e.HasIndex(o => new { o.CoacheeId, o.IdempotencyKey }).IsUnique().HasDatabaseName(names.Index("orders_idempotency"));
            // The lists' order (newest first, id breaks ties), so a page reads 50 index entries instead of sorting the matches.
            e.HasIndex(o => new { o.CreatedAt, o.Id }).HasDatabaseName(names.Index("orders_created"));
            e.HasIndex(o => o.GrossMinor).HasDatabaseName(names.Index("orders_gross"));
            e.HasIndex(o => new { o.State, o.CreatedAt }).HasDatabaseName(names.Index("orders_state_created"));
            e.HasIndex(o => new { o.CoachId, o.CreatedAt }).HasDatabaseName(names.Index("orders_coach"));
            e.HasIndex(o => new { o.CoacheeId, o.CreatedAt }).HasDatabaseName(names.Index("orders_coachee"));
            e.HasIndex(o => o.CheckoutSessionId).HasDatabaseName(names.Index("orders_checkout_session"));
            e.HasIndex(o => o.PaymentIntentId).HasDatabaseName(names.Index("orders_payment_intent"));
            e.HasIndex(o => o.ChargeId).HasDatabaseName(names.Index("orders_charge"));
            e.HasIndex(o => o.DisputeId).HasDatabaseName(names.Index("orders_dispute"));
        });
        modelBuilder.Entity<OrderTimelineEntry>(e =>
        {
            e.ToTable(names.Table("order_timeline"), names.Schema);
            e.HasKey(t => t.Id);
            e.Property(t => t.Id).ValueGeneratedNever();
            e.Property(t => t.Actor).HasMaxLength(80);
            e.Property(t => t.Description).HasMaxLength(1000);
            e.Property(t => t.StripeEventId).HasMaxLength(100);
            e.HasIndex(t => new { t.OrderId, t.At }).HasDatabaseName(names.Index("order_timeline_order"));
        });
        modelBuilder.Entity<Booking>(e =>
        {
            e.ToTable(names.Table("sessions"), names.Schema);
            e.HasKey(b => b.Id);
            e.Property(b => b.Id).ValueGeneratedNever();
            e.Property(b => b.CancelledBy).HasMaxLength(80);
            e.Property(b => b.MeetingUrl).HasMaxLength(500);
            e.Property(b => b.ProposedBy).HasMaxLength(20);
            e.HasIndex(b => new { b.CoachId, b.StartsAt }).IsUnique().HasFilter(ActiveBookingFilter)
                .HasDatabaseName(names.Index("sessions_active_slot"));
            e.HasIndex(b => b.OrderId).HasDatabaseName(names.Index("sessions_order"));
            e.HasIndex(b => new { b.CoacheeId, b.StartsAt }).HasDatabaseName(names.Index("sessions_coachee"));
        });
        modelBuilder.Entity<RefundRecord>(e =>
        {
            e.ToTable(names.Table("refunds"), names.Schema);
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).ValueGeneratedNever();
            e.Property(r => r.Reason).HasMaxLength(500);
            e.Property(r => r.Actor).HasMaxLength(80);
            e.Property(r => r.StripeRefundId).HasMaxLength(100);
            e.HasIndex(r => r.OrderId).HasDatabaseName(names.Index("refunds_order"));
            e.HasIndex(r => r.StripeRefundId).HasDatabaseName(names.Index("refunds_stripe"));
        });
        modelBuilder.Entity<StripeEventRecord>(e =>
        {
            e.ToTable(names.Table("stripe_events"), names.Schema);
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(255);
            e.Property(x => x.Endpoint).HasMaxLength(20);
            e.Property(x => x.Type).HasMaxLength(100);
            e.Property(x => x.Account).HasMaxLength(100);
            e.Property(x => x.LastError).HasMaxLength(2000);
            e.HasIndex(x => new { x.Status, x.NextAttemptAt }).HasDatabaseName(names.Index("stripe_events_due"));
            e.Property(x => x.ObjectKey).HasMaxLength(255);
            // The claim's "no earlier pending event of the same object" probe reads only pending rows.
            e.HasIndex(x => new { x.ObjectKey, x.StripeCreatedAt, x.ReceivedAt }).HasFilter("status = 0").HasDatabaseName(names.Index("stripe_events_pending_object"));
        });
        modelBuilder.Entity<PayoutAccount>(e =>
        {
            e.ToTable(names.Table("payout_accounts"), names.Schema);
            e.HasKey(a => a.CoachId);
            e.Property(a => a.StripeAccountId).HasMaxLength(100);
            e.Property(a => a.RequirementsDue).HasMaxLength(2000);
            e.HasIndex(a => a.StripeAccountId).IsUnique().HasDatabaseName(names.Index("payout_accounts_stripe"));
        });
        modelBuilder.Entity<Payout>(e =>
        {
            e.ToTable(names.Table("payouts"), names.Schema);
            e.HasKey(p => p.Id);
            e.Property(p => p.Id).HasMaxLength(100);
            e.Property(p => p.StripeAccountId).HasMaxLength(100);
            e.Property(p => p.Currency).HasMaxLength(3);
            e.Property(p => p.Status).HasMaxLength(40);
            e.Property(p => p.FailureMessage).HasMaxLength(500);
            e.Property(p => p.StripeEventId).HasMaxLength(100);
            e.HasIndex(p => new { p.CoachId, p.UpdatedAt }).HasDatabaseName(names.Index("payouts_coach"));
        });
        SessionReview.Map(modelBuilder, names);
        SessionReport.Map(modelBuilder, names);
    }
}
