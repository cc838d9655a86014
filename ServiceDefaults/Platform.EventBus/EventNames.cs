using System.Collections.Concurrent;
using System.Reflection;
using Platform.Contracts;

namespace Platform.EventBus;

/// <summary>Reads the stable routing name of an event type from its <see cref="EventNameAttribute"/>.</summary>
public static class EventNames
{
    private static readonly ConcurrentDictionary<Type, string> Names = new();

    public static string Of<TEvent>() where TEvent : IntegrationEvent => Of(typeof(TEvent));

    public static string Of(Type eventType) => Names.GetOrAdd(eventType, static type =>
        type.GetCustomAttribute<EventNameAttribute>()?.Name
        ?? throw new InvalidOperationException($"Event type {type.FullName} has no [EventName(\"...\")] attribute."));
}
