namespace Platform.EventBus;

/// <summary>An event waiting in the service's database to be relayed to the broker (or relayed already: <see cref="SentAt"/>).</summary>
public sealed class OutboxMessage
{
    /// <summary>The event's id, also the message id on the broker.</summary>
    public Guid Id { get; init; }

    public required string EventName { get; init; }

    public required string Payload { get; init; }

    /// <summary>W3C trace context of the publishing span, so the relay and the consumers join its trace.</summary>
    public string? TraceParent { get; init; }

    public string? TraceState { get; init; }

    public DateTimeOffset OccurredAt { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? SentAt { get; set; }
}
