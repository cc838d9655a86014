namespace Platform.ServiceDefaults.Telemetry;

/// <summary>
/// The ActivitySources and Meters the tracer and meter providers listen to (wildcards allowed). Client
/// integrations add their library's names here.
/// </summary>
public sealed class TelemetrySourceOptions
{
    public HashSet<string> ActivitySources { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Meters { get; } = new(StringComparer.Ordinal);
}
