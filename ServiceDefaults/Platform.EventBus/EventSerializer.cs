using System.Text.Json;
using Platform.Contracts;

namespace Platform.EventBus;

/// <summary>The JSON shape of events on the wire and in the outbox (camelCase, as the HTTP APIs).</summary>
internal static class EventSerializer
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Serialize(IntegrationEvent @event) => JsonSerializer.Serialize(@event, @event.GetType(), Options);

    public static IntegrationEvent Deserialize(ReadOnlySpan<byte> utf8Json, Type eventType) =>
        (IntegrationEvent?)JsonSerializer.Deserialize(utf8Json, eventType, Options)
        ?? throw new JsonException($"The message body is not a {eventType.Name}.");
}
