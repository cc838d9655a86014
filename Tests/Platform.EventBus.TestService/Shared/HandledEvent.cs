namespace Platform.EventBus.Testing;

/// <summary>The effect of a test handler: one row per time it ran. No unique key, so running twice would show.</summary>
public sealed class HandledEvent
{
    public long Id { get; init; }

    public Guid EventId { get; init; }

    public required string Handler { get; init; }

    public DateTimeOffset HandledAt { get; init; }
}
