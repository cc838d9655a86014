using Microsoft.EntityFrameworkCore.Migrations;
using static Platform.EventBus.EventBusTables;

namespace Platform.EventBus;

/// <summary>The outbox and inbox tables for a service's hand-written migrations (EF design tools are not available).</summary>
public static class EventBusMigrationBuilderExtensions
{
    /// <summary>Creates the tables that <see cref="EventBusModelBuilderExtensions.AddEventBus"/> maps; call it from a migration's <c>Up</c>.</summary>
    public static MigrationBuilder CreateEventBusTables(this MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: Outbox,
            columns: table => new
            {
                Id = table.Column<Guid>(name: OutboxColumns.Id, type: "uuid", nullable: false),
                EventName = table.Column<string>(name: OutboxColumns.EventName, type: "text", nullable: false),
                Payload = table.Column<string>(name: OutboxColumns.Payload, type: "text", nullable: false),
                TraceParent = table.Column<string>(name: OutboxColumns.TraceParent, type: "text", nullable: true),
                TraceState = table.Column<string>(name: OutboxColumns.TraceState, type: "text", nullable: true),
                OccurredAt = table.Column<DateTimeOffset>(name: OutboxColumns.OccurredAt, type: "timestamp with time zone", nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(name: OutboxColumns.CreatedAt, type: "timestamp with time zone", nullable: false),
                SentAt = table.Column<DateTimeOffset>(name: OutboxColumns.SentAt, type: "timestamp with time zone", nullable: true),
            },
            constraints: table => table.PrimaryKey(OutboxKey, m => m.Id));

        migrationBuilder.CreateIndex(
            name: OutboxUnsentIndex, table: Outbox, column: OutboxColumns.CreatedAt, filter: OutboxUnsentFilter);

        migrationBuilder.CreateTable(
            name: Inbox,
            columns: table => new
            {
                EventId = table.Column<Guid>(name: InboxColumns.EventId, type: "uuid", nullable: false),
                Consumer = table.Column<string>(name: InboxColumns.Consumer, type: "text", nullable: false),
                EventName = table.Column<string>(name: InboxColumns.EventName, type: "text", nullable: false),
                ProcessedAt = table.Column<DateTimeOffset>(name: InboxColumns.ProcessedAt, type: "timestamp with time zone", nullable: false),
            },
            constraints: table => table.PrimaryKey(InboxKey, e => new { e.EventId, e.Consumer }));
        return migrationBuilder;
    }

    /// <summary>Drops the outbox and inbox tables; for a migration's <c>Down</c>.</summary>
    public static MigrationBuilder DropEventBusTables(this MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(Inbox);
        migrationBuilder.DropTable(Outbox);
        return migrationBuilder;
    }
}
