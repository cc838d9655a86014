using Platform.Contracts;

namespace Platform.EventBus;

/// <summary>
/// Handles one kind of event. It runs in a DI scope inside a transaction of the service's DbContext: changes
/// made through that scoped DbContext commit together with the inbox entry that marks the event handled, so
/// a redelivered event is not handled again. Throwing rolls everything back and schedules a retry. Events that
/// queued up share one scope and transaction, handled in order: an instance must not keep state between events.
/// </summary>
public interface IIntegrationEventHandler<in TEvent> where TEvent : IntegrationEvent
{
    Task HandleAsync(TEvent @event, CancellationToken cancellationToken);
}
