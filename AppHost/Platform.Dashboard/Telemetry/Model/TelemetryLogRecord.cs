namespace Platform.Dashboard.Telemetry;

/// <summary>
/// One structured log record. <see cref="SeverityNumber"/> follows OTLP (1-4 trace, 5-8 debug, 9-12 info,
/// 13-16 warn, 17-20 error, 21-24 fatal); <see cref="Category"/> is the logger category (instrumentation scope).
/// </summary>
public sealed record TelemetryLogRecord(
    long Id,
    DateTimeOffset Time,
    int SeverityNumber,
    string SeverityText,
    string Body,
    IReadOnlyList<TelemetryAttribute> Attributes,
    string? TraceId,
    string? SpanId,
    TelemetryResource Resource,
    string Category);

public static class LogSeverity
{
    public const int Trace = 1;
    public const int Debug = 5;
    public const int Information = 9;
    public const int Warning = 13;
    public const int Error = 17;
    public const int Critical = 21;

    /// <summary>The .NET level name for an OTLP severity number ("Information", "Error", ...).</summary>
    public static string NameOf(int severityNumber) => severityNumber switch
    {
        >= Critical => "Critical",
        >= Error => "Error",
        >= Warning => "Warning",
        >= Information => "Information",
        >= Debug => "Debug",
        >= Trace => "Trace",
        _ => "Unspecified",
    };
}
