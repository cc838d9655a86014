using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Platform.EventBus;

namespace Platform.Notifications.Data.Migrations;

[DbContext(typeof(NotificationsDbContext))]
[Migration("20261121000000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "recipients",
            columns: table => new
            {
                UserId = table.Column<Guid>(name: "user_id", type: "uuid", nullable: false),
                Username = table.Column<string>(name: "username", type: "character varying(200)", maxLength: NotificationsDbContext.UsernameMaxLength, nullable: false),
                Email = table.Column<string>(name: "email", type: "character varying(320)", maxLength: NotificationsDbContext.EmailMaxLength, nullable: false),
                UpdatedAt = table.Column<DateTimeOffset>(name: "updated_at", type: "timestamp with time zone", nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_recipients", r => r.UserId));

        migrationBuilder.CreateTable(
            name: "notifications",
            columns: table => new
            {
                Id = table.Column<Guid>(name: "id", type: "uuid", nullable: false),
                UserId = table.Column<Guid>(name: "user_id", type: "uuid", nullable: false),
                SourceEventId = table.Column<Guid>(name: "source_event_id", type: "uuid", nullable: false),
                Kind = table.Column<string>(name: "kind", type: "character varying(32)", maxLength: NotificationsDbContext.KindMaxLength, nullable: false),
                Title = table.Column<string>(name: "title", type: "character varying(200)", maxLength: NotificationsDbContext.TitleMaxLength, nullable: false),
                Body = table.Column<string>(name: "body", type: "character varying(2000)", maxLength: NotificationsDbContext.BodyMaxLength, nullable: false),
                OrderId = table.Column<Guid>(name: "order_id", type: "uuid", nullable: true),
                CreatedAt = table.Column<DateTimeOffset>(name: "created_at", type: "timestamp with time zone", nullable: false),
                ReadAt = table.Column<DateTimeOffset>(name: "read_at", type: "timestamp with time zone", nullable: true),
                EmailStatus = table.Column<string>(name: "email_status", type: "character varying(16)", maxLength: NotificationsDbContext.EmailStatusMaxLength, nullable: false),
                EmailAttempts = table.Column<int>(name: "email_attempts", type: "integer", nullable: false),
                EmailNextAttemptAt = table.Column<DateTimeOffset>(name: "email_next_attempt_at", type: "timestamp with time zone", nullable: false),
                EmailSentAt = table.Column<DateTimeOffset>(name: "email_sent_at", type: "timestamp with time zone", nullable: true),
                EmailLastError = table.Column<string>(name: "email_last_error", type: "text", nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_notifications", n => n.Id));
        migrationBuilder.CreateIndex(
            name: "ux_notifications_source_event_user", table: "notifications", columns: ["source_event_id", "user_id"], unique: true);
        migrationBuilder.CreateIndex(
            name: "ix_notifications_user_created", table: "notifications", columns: ["user_id", "created_at"]);
        // What the email dispatcher scans: only the few rows still waiting.
        migrationBuilder.Sql(
            "CREATE INDEX ix_notifications_email_due ON notifications (email_next_attempt_at) WHERE email_status = 'pending';");
        migrationBuilder.CreateEventBusTables();
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropEventBusTables();
        migrationBuilder.DropTable("notifications");
        migrationBuilder.DropTable("recipients");
    }
}
