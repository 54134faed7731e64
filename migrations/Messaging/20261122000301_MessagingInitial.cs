using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using TechInterviewCoach.BuildingBlocks.Persistence;
using TechInterviewCoach.Messaging.Data;

namespace TechInterviewCoach.Migrations.Messaging;

[DbContext(typeof(MessagingDbContext))]
[Migration("20261122000301_MessagingInitial")]
internal sealed class MessagingInitial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var n = DbNames.For(migrationBuilder, MessagingDbContext.ModuleName);
        if (n.Schema is not null) migrationBuilder.EnsureSchema(n.Schema);
        migrationBuilder.CreateTable(
            name: n.Table("conversations"), schema: n.Schema,
            columns: t => new
            {
                id = t.Column<Guid>(nullable: false),
                coachee_id = t.Column<Guid>(nullable: false),
                coach_id = t.Column<Guid>(nullable: false),
                started_at = t.Column<DateTime>(nullable: false),
                last_message_at = t.Column<DateTime>(nullable: false),
                last_seq = t.Column<long>(nullable: false),
                coachee_read_seq = t.Column<long>(nullable: false),
                coach_read_seq = t.Column<long>(nullable: false),
                coachee_notified_at = t.Column<DateTime>(nullable: true),
                coach_notified_at = t.Column<DateTime>(nullable: true),
                first_reply_at = t.Column<DateTime>(nullable: true),
                overdue_reported_at = t.Column<DateTime>(nullable: true),
                closed_at = t.Column<DateTime>(nullable: true),
                blocked_by = t.Column<Guid>(nullable: true),
                blocked_at = t.Column<DateTime>(nullable: true),
            },
            constraints: t => t.PrimaryKey($"pk_{n.Table("conversations")}", x => x.id));
        migrationBuilder.CreateIndex(n.Index("conversations_pair"), n.Table("conversations"), ["coachee_id", "coach_id"], n.Schema, unique: true);
        migrationBuilder.CreateIndex(n.Index("conversations_coach"), n.Table("conversations"), "coach_id", n.Schema);

        migrationBuilder.CreateTable(
            name: n.Table("messages"), schema: n.Schema,
            columns: t => new
            {
                id = t.Column<Guid>(nullable: false),
                conversation_id = t.Column<Guid>(nullable: false),
                seq = t.Column<long>(nullable: false),
                sender_id = t.Column<Guid>(nullable: false),
                text = t.Column<string>(maxLength: 4000, nullable: false),
                sent_at = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey($"pk_{n.Table("messages")}", x => x.id);
                t.ForeignKey($"fk_{n.Table("messages")}_conversation", x => x.conversation_id, n.Table("conversations"), "id", n.Schema);
            });
        migrationBuilder.CreateIndex(n.Index("messages_conversation_seq"), n.Table("messages"), ["conversation_id", "seq"], n.Schema, unique: true);

        migrationBuilder.CreateTable(
            name: n.Table("reports"), schema: n.Schema,
            columns: t => new
            {
                id = t.Column<Guid>(nullable: false),
                message_id = t.Column<Guid>(nullable: false),
                conversation_id = t.Column<Guid>(nullable: false),
                reporter_id = t.Column<Guid>(nullable: false),
                reason = t.Column<string>(maxLength: 1000, nullable: false),
                created_at = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey($"pk_{n.Table("reports")}", x => x.id));
        migrationBuilder.CreateIndex(n.Index("reports_message_reporter"), n.Table("reports"), ["message_id", "reporter_id"], n.Schema, unique: true);

        migrationBuilder.CreateTable(
            name: n.Table("suspended_senders"), schema: n.Schema,
            columns: t => new
            {
                user_id = t.Column<Guid>(nullable: false),
                since = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey($"pk_{n.Table("suspended_senders")}", x => x.user_id));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        var n = DbNames.For(migrationBuilder, MessagingDbContext.ModuleName);
        migrationBuilder.DropTable(n.Table("suspended_senders"), n.Schema);
        migrationBuilder.DropTable(n.Table("reports"), n.Schema);
        migrationBuilder.DropTable(n.Table("messages"), n.Schema);
        migrationBuilder.DropTable(n.Table("conversations"), n.Schema);
    }
}
