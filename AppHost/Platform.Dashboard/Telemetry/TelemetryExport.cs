using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Dashboard.Telemetry;

/// <summary>
/// Everything the stores hold as one JSON document (for CI artifacts): resources, traces with their spans in
/// waterfall order, log records and metric series. Spans, logs and instruments name their resource by key.
/// </summary>
public sealed class TelemetryExport(ResourceStore resources, TraceStore traces, LogStore logs, MetricStore metrics)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public async Task WriteJsonAsync(Stream destination, CancellationToken cancellationToken)
    {
        var document = new
        {
            ExportedAt = DateTimeOffset.UtcNow,
            Resources = resources.GetResources().Select(r => new
            {
                r.Key, r.ServiceName, r.InstanceId, Attributes = Map(r.Attributes),
            }),
            Traces = traces.GetAllTraces().Select(t => new
            {
                t.Summary.TraceId,
                t.Summary.RootSpanName,
                Resources = t.Summary.Resources.Select(r => r.Key),
                t.Summary.StartTime,
                DurationMs = t.Summary.Duration.TotalMilliseconds,
                t.Summary.SpanCount,
                t.Summary.ErrorCount,
                Spans = t.Spans.Select(w => new
                {
                    w.Span.SpanId,
                    w.Span.ParentSpanId,
                    w.Depth,
                    w.Span.Name,
                    w.Span.Kind,
                    Resource = w.Span.Resource.Key,
                    Scope = w.Span.Scope.Name,
                    w.Span.StartTime,
                    w.Span.EndTime,
                    DurationMs = w.Span.Duration.TotalMilliseconds,
                    w.Span.Status,
                    w.Span.StatusMessage,
                    Attributes = Map(w.Span.Attributes),
                    Events = w.Span.Events.Select(e => new { e.Name, e.Time, Attributes = Map(e.Attributes) }),
                    Links = w.Span.Links.Select(l => new { l.TraceId, l.SpanId, Attributes = Map(l.Attributes) }),
                }),
            }),
            Logs = logs.GetAll().Select(l => new
            {
                l.Time,
                l.SeverityNumber,
                l.SeverityText,
                Resource = l.Resource.Key,
                l.Category,
                l.Body,
                l.TraceId,
                l.SpanId,
                Attributes = Map(l.Attributes),
            }),
            Metrics = metrics.GetAll().Select(m => new
            {
                Resource = m.Instrument.Resource.Key,
                Meter = m.Instrument.MeterName,
                m.Instrument.Name,
                m.Instrument.Description,
                m.Instrument.Unit,
                m.Instrument.Kind,
                m.Instrument.IsMonotonic,
                m.Instrument.Temporality,
                Series = m.Series.Select(s => new { Dimensions = Map(s.Dimensions), s.Points }),
            }),
        };
        await JsonSerializer.SerializeAsync(destination, document, Json, cancellationToken);
    }

    /// <summary>Attributes as a JSON object; a repeated key keeps its last value.</summary>
    private static Dictionary<string, string> Map(IReadOnlyList<TelemetryAttribute> attributes)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var attribute in attributes)
        {
            map[attribute.Key] = attribute.Value;
        }
        return map;
    }
}
