using Platform.Dashboard.Otlp.Proto.Collector.Trace;
using Platform.Dashboard.Telemetry;
using static Platform.Dashboard.Otlp.OtlpCommonConverter;
using ProtoSpan = Platform.Dashboard.Otlp.Proto.Trace.Span;
using ProtoStatus = Platform.Dashboard.Otlp.Proto.Trace.Status;

namespace Platform.Dashboard.Otlp;

internal static class OtlpTraceConverter
{
    /// <summary>The request's spans; spans without a valid trace or span id are counted in <c>rejected</c>.</summary>
    public static (List<TelemetrySpan> Spans, int Rejected) Convert(ExportTraceServiceRequest request, ResourceStore resources)
    {
        var spans = new List<TelemetrySpan>();
        var rejected = 0;
        foreach (var resourceSpans in request.ResourceSpans)
        {
            var resource = ToResource(resourceSpans.Resource, resources);
            foreach (var scopeSpans in resourceSpans.ScopeSpans)
            {
                var scope = ToScope(scopeSpans.Scope);
                foreach (var span in scopeSpans.Spans)
                {
                    var converted = ToSpan(span, resource, scope);
                    if (converted is null)
                    {
                        rejected++;
                    }
                    else
                    {
                        spans.Add(converted);
                    }
                }
            }
        }
        return (spans, rejected);
    }

    private static TelemetrySpan? ToSpan(ProtoSpan span, TelemetryResource resource, TelemetryScope scope)
    {
        var traceId = ToHexId(span.TraceId);
        var spanId = ToHexId(span.SpanId);
        if (traceId is null || spanId is null)
        {
            return null;
        }
        var start = ToTime(span.StartTimeUnixNano);
        var end = ToTime(span.EndTimeUnixNano);
        return new TelemetrySpan(
            traceId,
            spanId,
            ToHexId(span.ParentSpanId),
            span.Name,
            (SpanKind)Math.Clamp((int)span.Kind, 0, (int)SpanKind.Consumer),
            start,
            end < start ? start : end,
            ToStatus(span.Status),
            string.IsNullOrEmpty(span.Status?.Message) ? null : span.Status.Message,
            ToAttributes(span.Attributes),
            span.Events.Select(e => new SpanEvent(e.Name, ToTime(e.TimeUnixNano), ToAttributes(e.Attributes))).ToList(),
            span.Links.Select(l => new SpanLink(ToHexId(l.TraceId) ?? "", ToHexId(l.SpanId) ?? "", ToAttributes(l.Attributes))).ToList(),
            resource,
            scope);
    }

    private static SpanStatusCode ToStatus(ProtoStatus? status) => status?.Code switch
    {
        ProtoStatus.Types.StatusCode.Ok => SpanStatusCode.Ok,
        ProtoStatus.Types.StatusCode.Error => SpanStatusCode.Error,
        _ => SpanStatusCode.Unset,
    };
}
