namespace Platform.Dashboard.Telemetry;

/// <summary>Bounds of the in-memory stores (configuration section "Dashboard:Telemetry"); the oldest data goes first.</summary>
public sealed class TelemetryLimits
{
    public const string SectionName = "Dashboard:Telemetry";

    public int MaxSpans { get; set; } = 100_000;
    public int MaxLogRecords { get; set; } = 50_000;
    public int MaxPointsPerSeries { get; set; } = 1_000;
    /// <summary>Metric series over all resources and instruments.</summary>
    public int MaxSeries { get; set; } = 10_000;
    public int MaxResources { get; set; } = 1_000;
}
