namespace Platform.Dashboard.Components.Telemetry;

/// <summary>One line of a chart: its legend text and its points (time, value), oldest first.</summary>
public sealed record ChartSeries(string Label, IReadOnlyList<(DateTimeOffset Time, double Value)> Points)
{
    /// <summary>At most <paramref name="max"/> evenly spaced points, always keeping the latest.</summary>
    public static IReadOnlyList<(DateTimeOffset Time, double Value)> Thin(IReadOnlyList<(DateTimeOffset Time, double Value)> points, int max)
    {
        if (points.Count <= max)
        {
            return points;
        }
        var thinned = new List<(DateTimeOffset, double)>(max);
        var step = (double)(points.Count - 1) / (max - 1);
        for (var i = 0; i < max; i++)
        {
            thinned.Add(points[(int)Math.Round(i * step)]);
        }
        return thinned;
    }
}
