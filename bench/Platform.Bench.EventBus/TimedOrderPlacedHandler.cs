using Platform.Contracts;
using Platform.EventBus;
using Platform.EventBus.Testing;

namespace Platform.Bench.EventBus;

/// <summary>Records the event as a row, as a real handler would change state, and its publish-to-handled latency.</summary>
internal sealed class TimedOrderPlacedHandler(TestDbContext db, HandledLatencies latencies) : IIntegrationEventHandler<OrderPlaced>
{
    public Task HandleAsync(OrderPlaced @event, CancellationToken cancellationToken)
    {
        db.HandledEvents.Add(new HandledEvent { EventId = @event.Id, Handler = nameof(TimedOrderPlacedHandler), HandledAt = DateTimeOffset.UtcNow });
        latencies.Record(@event.OccurredAt);
        return Task.CompletedTask;
    }
}
