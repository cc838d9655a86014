using Platform.Dashboard.Otlp.Proto.Collector.Logs;
using Platform.Dashboard.Telemetry;
using static Platform.Dashboard.Otlp.OtlpCommonConverter;

namespace Platform.Dashboard.Otlp;

internal static class OtlpLogConverter
{
    public static List<TelemetryLogRecord> Convert(ExportLogsServiceRequest request, ResourceStore resources)
    {
        var records = new List<TelemetryLogRecord>();
        foreach (var resourceLogs in request.ResourceLogs)
        {
            var resource = ToResource(resourceLogs.Resource, resources);
            foreach (var scopeLogs in resourceLogs.ScopeLogs)
            {
                var category = scopeLogs.Scope?.Name ?? "";
                foreach (var log in scopeLogs.LogRecords)
                {
                    var severity = Math.Clamp((int)log.SeverityNumber, 0, 24);
                    records.Add(new TelemetryLogRecord(
                        0,
                        ToTime(log.TimeUnixNano != 0 ? log.TimeUnixNano : log.ObservedTimeUnixNano),
                        severity,
                        log.SeverityText.Length > 0 ? log.SeverityText : LogSeverity.NameOf(severity),
                        ToText(log.Body),
                        ToAttributes(log.Attributes),
                        ToHexId(log.TraceId),
                        ToHexId(log.SpanId),
                        resource,
                        category));
                }
            }
        }
        return records;
    }
}
