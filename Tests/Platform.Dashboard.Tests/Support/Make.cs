using Platform.Dashboard.Telemetry;

namespace Platform.Dashboard.Tests.Support;

/// <summary>Domain objects for the unit tests of the stores.</summary>
internal static class Make
{
    public static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public static TelemetryResource Resource(string service, string? instance = null) => new(service, instance, []);

    public static TelemetrySpan Span(string traceId, string spanId, string? parentId = null, int startMs = 0, int durationMs = 10,
        string? name = null, TelemetryResource? resource = null, SpanStatusCode status = SpanStatusCode.Unset,
        params TelemetryAttribute[] attributes) => new(
        traceId, spanId, parentId, name ?? spanId, SpanKind.Internal,
        T0.AddMilliseconds(startMs), T0.AddMilliseconds(startMs + durationMs),
        status, null, attributes, [], [], resource ?? Resource("orders"), TelemetryScope.Unknown);

    public static TelemetryLogRecord Log(string body, int severity = LogSeverity.Information, int atMs = 0,
        TelemetryResource? resource = null, string? traceId = null, params TelemetryAttribute[] attributes) => new(
        0, T0.AddMilliseconds(atMs), severity, LogSeverity.NameOf(severity), body, attributes, traceId, null,
        resource ?? Resource("orders"), "Test.Category");

    public static TelemetryInstrument Counter(TelemetryResource resource, string name = "orders.placed") =>
        new(resource, "Test.Meter", name, "", "{order}", InstrumentKind.Sum, true, AggregationTemporality.Cumulative);

    public static MetricSample Sample(TelemetryInstrument instrument, double value, int atMs = 0, params TelemetryAttribute[] dimensions) =>
        new(instrument, dimensions, new MetricPoint(T0.AddMilliseconds(atMs), T0, value, null));
}
