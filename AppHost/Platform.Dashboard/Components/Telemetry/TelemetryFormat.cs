using System.Globalization;
using Platform.Dashboard.Telemetry;

namespace Platform.Dashboard.Components.Telemetry;

/// <summary>How the telemetry pages write durations, numbers, resource names and their stable colours.</summary>
public static class TelemetryFormat
{
    public static string Duration(TimeSpan duration) => duration.TotalMilliseconds switch
    {
        < 1 => $"{duration.TotalMicroseconds.ToString("0", CultureInfo.InvariantCulture)} µs",
        < 1_000 => $"{duration.TotalMilliseconds.ToString("0.##", CultureInfo.InvariantCulture)} ms",
        < 60_000 => $"{duration.TotalSeconds.ToString("0.##", CultureInfo.InvariantCulture)} s",
        _ => $"{duration.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture)} min",
    };

    public static string Number(double value) =>
        double.IsFinite(value)
            ? Math.Abs(value) >= 1e6 || (value != 0 && Math.Abs(value) < 1e-3)
                ? value.ToString("0.###e0", CultureInfo.InvariantCulture)
                : value.ToString("0.###", CultureInfo.InvariantCulture)
            : value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A percentage for inline styles, invariant and clamped to 0-100.</summary>
    public static string Percent(double value) =>
        (double.IsFinite(value) ? Math.Clamp(value, 0, 100) : 0).ToString("0.###", CultureInfo.InvariantCulture) + "%";

    /// <summary>The service name, with the instance id when the service has several instances.</summary>
    public static string ResourceName(TelemetryResource resource, bool withInstance) =>
        withInstance && resource.InstanceId is not null ? $"{resource.ServiceName} ({ShortInstance(resource.InstanceId)})" : resource.ServiceName;

    /// <summary>A colour hue that is the same for a service name on every page and every run.</summary>
    public static int Hue(string serviceName)
    {
        var hash = 2166136261u; // FNV-1a
        foreach (var c in serviceName)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return (int)(hash % 360);
    }

    /// <summary>Service names that more than one instance reports under.</summary>
    public static HashSet<string> ReplicatedServices(IEnumerable<TelemetryResource> resources) =>
        resources.GroupBy(r => r.ServiceName, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);

    private static string ShortInstance(string instanceId) => instanceId.Length > 12 ? instanceId[..12] + "…" : instanceId;
}
