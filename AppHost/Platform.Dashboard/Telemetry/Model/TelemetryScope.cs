namespace Platform.Dashboard.Telemetry;

/// <summary>The instrumentation scope (ActivitySource, Meter or logger category) that produced the data.</summary>
public sealed record TelemetryScope(string Name, string? Version)
{
    public static readonly TelemetryScope Unknown = new("", null);
}
