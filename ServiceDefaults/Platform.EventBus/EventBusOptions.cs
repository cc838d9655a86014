namespace Platform.EventBus;

/// <summary>Settings of the event bus; bound from configuration section <c>EventBus</c>.</summary>
public sealed class EventBusOptions
{
    public const string SectionName = "EventBus";

    /// <summary>Names this service's queues (<c>orders</c>, <c>orders.retry</c>, <c>orders.dead-letter</c>) and its inbox entries.</summary>
    public string ServiceName { get; set; } = "";

    /// <summary>The durable topic exchange every service publishes to.</summary>
    public string ExchangeName { get; set; } = "platform.events";

    /// <summary>Messages a consumer holds unacknowledged at once: the batch being handled and the next one arriving.</summary>
    public ushort PrefetchCount { get; set; } = 200;

    /// <summary>Most messages handled in one transaction; fewer when fewer are waiting.</summary>
    public int MaxBatchSize { get; set; } = 100;

    /// <summary>Batches the consumer handles at once; above 1, events of this service may be handled out of order.</summary>
    public ushort ConsumerConcurrency { get; set; } = 1;

    /// <summary>Handling attempts before a message goes to the dead-letter queue.</summary>
    public int MaxDeliveryAttempts { get; set; } = 5;

    /// <summary>The wait before the first retry; each further retry waits twice as long, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Outbox rows the dispatcher relays per transaction.</summary>
    public int OutboxBatchSize { get; set; } = 100;

    /// <summary>How often the dispatcher looks for rows when no commit has signalled new ones (other replicas, a crash).</summary>
    public TimeSpan OutboxPollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest back-off of the dispatcher while the broker or the database is away.</summary>
    public TimeSpan MaxRelayBackoff { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a batch may wait for the broker's confirms before it is retried.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
