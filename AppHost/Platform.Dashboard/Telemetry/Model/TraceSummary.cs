namespace Platform.Dashboard.Telemetry;

/// <summary>
/// One trace as listed: its root span's name (the earliest span's when the root has not arrived),
/// the resources it crossed, when it started and how long it lasted.
/// </summary>
public sealed record TraceSummary(
    string TraceId,
    string RootSpanName,
    TelemetryResource RootResource,
    IReadOnlyList<TelemetryResource> Resources,
    DateTimeOffset StartTime,
    TimeSpan Duration,
    int SpanCount,
    int ErrorCount)
{
    public bool HasErrors => ErrorCount > 0;
}

/// <summary>A span placed in a waterfall: <see cref="Depth"/> 0 for roots (and spans whose parent is missing).</summary>
public sealed record WaterfallSpan(TelemetrySpan Span, int Depth);

/// <summary>One trace with its spans in waterfall order (depth first, siblings by start time).</summary>
public sealed record TraceDetail(TraceSummary Summary, IReadOnlyList<WaterfallSpan> Spans);
