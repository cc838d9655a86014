using System.Diagnostics.Metrics;

namespace Platform.EventBus;

/// <summary>Counters of the bus and gauges of the outbox backlog, on meter <c>Platform.EventBus</c>.</summary>
internal sealed class EventBusMetrics
{
    public const string MeterName = "Platform.EventBus";

    private readonly Counter<long> _published;
    private readonly Counter<long> _delivered;
    private readonly Counter<long> _retried;
    private readonly Counter<long> _deadLettered;

    public EventBusMetrics(IMeterFactory meterFactory, OutboxBacklog backlog, TimeProvider time)
    {
        var meter = meterFactory.Create(MeterName);
        _published = meter.CreateCounter<long>("platform.eventbus.published", "{message}", "Events relayed from the outbox and confirmed by the broker.");
        _delivered = meter.CreateCounter<long>("platform.eventbus.delivered", "{message}", "Messages handled (or found handled already) and acknowledged.");
        _retried = meter.CreateCounter<long>("platform.eventbus.retried", "{message}", "Messages whose handler failed, scheduled for another attempt.");
        _deadLettered = meter.CreateCounter<long>("platform.eventbus.dead_lettered", "{message}", "Messages moved to the dead-letter queue.");
        meter.CreateObservableGauge("platform.eventbus.outbox.backlog", () => backlog.Count,
            "{message}", "Outbox rows not yet relayed, as of the dispatcher's last look.");
        meter.CreateObservableGauge("platform.eventbus.outbox.oldest_age", () => backlog.OldestAge(time.GetUtcNow()).TotalSeconds,
            "s", "Age of the oldest outbox row not yet relayed.");
    }

    public void Published(string eventName) => _published.Add(1, Tag(eventName));

    public void Delivered(string eventName, bool duplicate) =>
        _delivered.Add(1, Tag(eventName), new KeyValuePair<string, object?>("platform.eventbus.duplicate", duplicate));

    public void Retried(string eventName) => _retried.Add(1, Tag(eventName));

    public void DeadLettered(string eventName) => _deadLettered.Add(1, Tag(eventName));

    private static KeyValuePair<string, object?> Tag(string eventName) => new("messaging.rabbitmq.destination.routing_key", eventName);
}
