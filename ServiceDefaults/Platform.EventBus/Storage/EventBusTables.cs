namespace Platform.EventBus;

/// <summary>
/// Table and column names of the outbox and the inbox, spelled out so the model (and so the migrations)
/// and the dispatcher's SQL agree whatever naming convention a service uses.
/// </summary>
internal static class EventBusTables
{
    public const string Outbox = "event_bus_outbox";
    public const string OutboxKey = "pk_event_bus_outbox";
    public const string OutboxUnsentIndex = "ix_event_bus_outbox_unsent";
    public const string OutboxUnsentFilter = "sent_at IS NULL";

    public const string Inbox = "event_bus_inbox";
    public const string InboxKey = "pk_event_bus_inbox";

    public static class OutboxColumns
    {
        public const string Id = "id";
        public const string EventName = "event_name";
        public const string Payload = "payload";
        public const string TraceParent = "trace_parent";
        public const string TraceState = "trace_state";
        public const string OccurredAt = "occurred_at";
        public const string CreatedAt = "created_at";
        public const string SentAt = "sent_at";
    }

    public static class InboxColumns
    {
        public const string EventId = "event_id";
        public const string Consumer = "consumer";
        public const string EventName = "event_name";
        public const string ProcessedAt = "processed_at";
    }
}
