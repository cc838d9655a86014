using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Contracts;

namespace Platform.EventBus;

/// <summary>Publishes by adding an <see cref="OutboxMessage"/> to the scoped DbContext the caller saves.</summary>
internal sealed class OutboxEventBus<TContext>(TContext db, IOptions<EventBusOptions> options, TimeProvider time) : IEventBus
    where TContext : DbContext
{
    public ValueTask PublishAsync<TEvent>(TEvent @event, CancellationToken cancellationToken = default) where TEvent : IntegrationEvent
    {
        ArgumentNullException.ThrowIfNull(@event);
        var eventName = EventNames.Of(@event.GetType());
        using var activity = EventBusTelemetry.StartPublish(eventName, @event.Id, options.Value.ExchangeName);
        var context = Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current : null;
        db.Set<OutboxMessage>().Add(new OutboxMessage
        {
            Id = @event.Id,
            EventName = eventName,
            Payload = EventSerializer.Serialize(@event),
            TraceParent = context?.Id,
            TraceState = context?.TraceStateString,
            OccurredAt = @event.OccurredAt,
            CreatedAt = time.GetUtcNow(),
        });
        return ValueTask.CompletedTask;
    }
}
