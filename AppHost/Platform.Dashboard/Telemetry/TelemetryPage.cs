namespace Platform.Dashboard.Telemetry;

/// <summary>One page of a query's results and how many matched in all.</summary>
public sealed record TelemetryPage<T>(IReadOnlyList<T> Items, int TotalCount);

/// <param name="Text">Case-insensitive; matches a trace id prefix, span names, service names and attribute values.</param>
/// <param name="Resource">A resource key or a service name; the trace must have a span from it.</param>
public sealed record TraceQuery(string? Text = null, string? Resource = null, bool ErrorsOnly = false, int Skip = 0, int Take = 50);

/// <param name="Resource">A resource key or a service name.</param>
/// <param name="MinSeverity">OTLP severity number, e.g. <see cref="LogSeverity.Warning"/>.</param>
/// <param name="Text">Case-insensitive; matches the body, the category and attribute values.</param>
public sealed record LogQuery(string? Resource = null, int MinSeverity = 0, string? Text = null, string? TraceId = null, int Skip = 0, int Take = 100);

internal static class Paging
{
    public static TelemetryPage<T> Page<T>(IReadOnlyList<T> ordered, int skip, int take)
    {
        skip = Math.Max(0, skip);
        take = Math.Max(0, take);
        var items = ordered.Skip(skip).Take(take).ToList();
        return new TelemetryPage<T>(items, ordered.Count);
    }
}
