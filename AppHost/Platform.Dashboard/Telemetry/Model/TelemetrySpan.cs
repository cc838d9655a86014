namespace Platform.Dashboard.Telemetry;

public enum SpanKind { Unspecified, Internal, Server, Client, Producer, Consumer }

public enum SpanStatusCode { Unset, Ok, Error }

public sealed record SpanEvent(string Name, DateTimeOffset Time, IReadOnlyList<TelemetryAttribute> Attributes);

public sealed record SpanLink(string TraceId, string SpanId, IReadOnlyList<TelemetryAttribute> Attributes);

/// <summary>One span; ids are lower-case hex, <see cref="ParentSpanId"/> is null for a root span.</summary>
public sealed record TelemetrySpan(
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Name,
    SpanKind Kind,
    DateTimeOffset StartTime,
    DateTimeOffset EndTime,
    SpanStatusCode Status,
    string? StatusMessage,
    IReadOnlyList<TelemetryAttribute> Attributes,
    IReadOnlyList<SpanEvent> Events,
    IReadOnlyList<SpanLink> Links,
    TelemetryResource Resource,
    TelemetryScope Scope)
{
    public TimeSpan Duration => EndTime - StartTime;

    public bool IsError => Status == SpanStatusCode.Error;
}
