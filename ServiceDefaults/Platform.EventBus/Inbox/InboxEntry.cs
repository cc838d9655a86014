namespace Platform.EventBus;

/// <summary>Records that a consumer handled an event; its key (event id, consumer) is what makes handling idempotent.</summary>
public sealed class InboxEntry
{
    public Guid EventId { get; init; }

    public required string Consumer { get; init; }

    public required string EventName { get; init; }

    public DateTimeOffset ProcessedAt { get; init; }
}
