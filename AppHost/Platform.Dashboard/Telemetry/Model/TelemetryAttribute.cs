namespace Platform.Dashboard.Telemetry;

/// <summary>One attribute, its value rendered as text (arrays and maps as JSON-like text).</summary>
public readonly record struct TelemetryAttribute(string Key, string Value);

public static class TelemetryAttributes
{
    public static string? Find(this IReadOnlyList<TelemetryAttribute> attributes, string key)
    {
        foreach (var attribute in attributes)
        {
            if (attribute.Key == key)
            {
                return attribute.Value;
            }
        }
        return null;
    }

    internal static bool AnyContains(this IReadOnlyList<TelemetryAttribute> attributes, string text)
    {
        foreach (var attribute in attributes)
        {
            if (attribute.Value.Contains(text, StringComparison.OrdinalIgnoreCase)
                || attribute.Key.Contains(text, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }
}
