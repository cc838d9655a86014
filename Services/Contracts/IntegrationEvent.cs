namespace Platform.Contracts;

/// <summary>
/// A fact one service announces to the others. Every concrete event carries an <see cref="EventNameAttribute"/>.
/// </summary>
public abstract record IntegrationEvent
{
    /// <summary>Unique per event; consumers de-duplicate by it, and it is the message id on the broker.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public DateTimeOffset OccurredAt { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>The version of the event's shape; raise it when a field changes meaning.</summary>
    public int Version { get; init; } = 1;
}
