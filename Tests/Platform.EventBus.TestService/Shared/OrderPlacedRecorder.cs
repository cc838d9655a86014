using Platform.Contracts;

namespace Platform.EventBus.Testing;

/// <summary>Handles <see cref="OrderPlaced"/> by recording a <see cref="HandledEvent"/> through the scoped DbContext.</summary>
public sealed class OrderPlacedRecorder(TestDbContext db, TimeProvider time) : IIntegrationEventHandler<OrderPlaced>
{
    public Task HandleAsync(OrderPlaced @event, CancellationToken cancellationToken)
    {
        db.HandledEvents.Add(new HandledEvent { EventId = @event.Id, Handler = nameof(OrderPlacedRecorder), HandledAt = time.GetUtcNow() });
        return Task.CompletedTask;
    }
}
