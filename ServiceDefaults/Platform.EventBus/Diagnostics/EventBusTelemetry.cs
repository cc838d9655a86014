using System.Diagnostics;
using RabbitMQ.Client;

namespace Platform.EventBus;

/// <summary>
/// Spans of the bus with OpenTelemetry's messaging conventions. The trace context travels in the outbox row
/// and then in the message headers (W3C <c>traceparent</c>/<c>tracestate</c>), so publish, send and process
/// share one trace even when nobody listens to this source.
/// </summary>
internal static class EventBusTelemetry
{
    public const string SourceName = "Platform.EventBus";

    private static readonly ActivitySource Source = new(SourceName);

    /// <summary>The span of <see cref="IEventBus.PublishAsync"/>: the event is created into the outbox.</summary>
    public static Activity? StartPublish(string eventName, Guid eventId, string exchange) =>
        Start($"publish {eventName}", ActivityKind.Producer, parent: default, "publish", "create", eventName, eventId, exchange);

    /// <summary>The span of the relay to the broker, a child of the publishing span stored with the row.</summary>
    public static Activity? StartSend(OutboxMessage message, string exchange) =>
        Start($"send {message.EventName}", ActivityKind.Producer, ParseContext(message.TraceParent, message.TraceState),
            "send", "send", message.EventName, message.Id, exchange);

    public static Activity? StartProcess(IReadOnlyBasicProperties properties, string eventName, string exchange, string consumer)
    {
        var parent = ParseContext(ReadHeader(properties, MessageHeaders.TraceParent), ReadHeader(properties, MessageHeaders.TraceState));
        var activity = Start($"process {eventName}", ActivityKind.Consumer, parent, "process", "process", eventName,
            Guid.TryParse(properties.MessageId, out var id) ? id : Guid.Empty, exchange);
        activity?.SetTag("messaging.consumer.group.name", consumer);
        return activity;
    }

    /// <summary>Writes the current span's context into the headers, or the stored one when nobody samples this source.</summary>
    public static void InjectContext(Activity? activity, OutboxMessage message, IDictionary<string, object?> headers)
    {
        var (traceParent, traceState) = activity is { IdFormat: ActivityIdFormat.W3C }
            ? (activity.Id, activity.TraceStateString)
            : (message.TraceParent, message.TraceState);
        if (traceParent is not null)
        {
            headers[MessageHeaders.TraceParent] = traceParent;
        }
        if (traceState is not null)
        {
            headers[MessageHeaders.TraceState] = traceState;
        }
    }

    public static void RecordError(Activity? activity, Exception exception)
    {
        activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
        activity?.SetTag("error.type", exception.GetType().FullName);
    }

    private static Activity? Start(string name, ActivityKind kind, ActivityContext parent, string operationName, string operationType,
        string eventName, Guid messageId, string exchange)
    {
        var activity = Source.StartActivity(name, kind, parent);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("messaging.system", "rabbitmq");
            activity.SetTag("messaging.operation.name", operationName);
            activity.SetTag("messaging.operation.type", operationType);
            activity.SetTag("messaging.destination.name", exchange);
            activity.SetTag("messaging.rabbitmq.destination.routing_key", eventName);
            activity.SetTag("messaging.message.id", messageId.ToString());
        }
        return activity;
    }

    private static ActivityContext ParseContext(string? traceParent, string? traceState) =>
        traceParent is not null && ActivityContext.TryParse(traceParent, traceState, isRemote: true, out var context) ? context : default;

    private static string? ReadHeader(IReadOnlyBasicProperties properties, string name) =>
        properties.Headers?.TryGetValue(name, out var value) == true ? MessageHeaders.AsString(value) : null;
}
