using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts;

namespace Platform.EventBus;

/// <summary>An event this service consumes: its name, its type and how to run its handlers from a DI scope.</summary>
internal sealed class EventHandlerRegistration
{
    private readonly Func<IServiceProvider, IntegrationEvent, CancellationToken, Task> _handle;

    private EventHandlerRegistration(string eventName, Type eventType, Func<IServiceProvider, IntegrationEvent, CancellationToken, Task> handle)
    {
        EventName = eventName;
        EventType = eventType;
        _handle = handle;
    }

    public string EventName { get; }

    public Type EventType { get; }

    public static EventHandlerRegistration For<TEvent>() where TEvent : IntegrationEvent =>
        new(EventNames.Of<TEvent>(), typeof(TEvent), static async (services, @event, cancellationToken) =>
        {
            foreach (var handler in services.GetServices<IIntegrationEventHandler<TEvent>>())
            {
                await handler.HandleAsync((TEvent)@event, cancellationToken);
            }
        });

    public Task HandleAsync(IServiceProvider scopedServices, IntegrationEvent @event, CancellationToken cancellationToken) =>
        _handle(scopedServices, @event, cancellationToken);
}

/// <summary>The events this service consumes, by name.</summary>
internal sealed class EventHandlerRegistry(IEnumerable<EventHandlerRegistration> registrations)
{
    private readonly Dictionary<string, EventHandlerRegistration> _byName =
        registrations.DistinctBy(r => r.EventType).ToDictionary(r => r.EventName, StringComparer.Ordinal);

    public IReadOnlyCollection<string> EventNames => _byName.Keys;

    public bool IsEmpty => _byName.Count == 0;

    public bool TryGet(string eventName, out EventHandlerRegistration registration) => _byName.TryGetValue(eventName, out registration!);
}
