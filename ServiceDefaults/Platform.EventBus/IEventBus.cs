using Platform.Contracts;

namespace Platform.EventBus;

/// <summary>Publishes integration events through the service's transactional outbox.</summary>
public interface IEventBus
{
    /// <summary>
    /// Adds the event to the outbox of the service's DbContext (the scoped instance the caller also uses).
    /// The next <c>SaveChangesAsync</c> writes it in the same transaction as the caller's other changes; it
    /// reaches the broker only once that transaction commits, and never if it rolls back.
    /// </summary>
    ValueTask PublishAsync<TEvent>(TEvent @event, CancellationToken cancellationToken = default) where TEvent : IntegrationEvent;
}
