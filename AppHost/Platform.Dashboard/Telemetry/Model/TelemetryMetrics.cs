namespace Platform.Dashboard.Telemetry;

public enum InstrumentKind { Gauge, Sum, Histogram, ExponentialHistogram, Summary }

public enum AggregationTemporality { Unspecified, Delta, Cumulative }

/// <summary>One instrument of one resource; <see cref="MeterName"/> is the instrumentation scope.</summary>
public sealed record TelemetryInstrument(
    TelemetryResource Resource,
    string MeterName,
    string Name,
    string Description,
    string Unit,
    InstrumentKind Kind,
    bool IsMonotonic,
    AggregationTemporality Temporality);

/// <summary>
/// Histogram buckets: <see cref="BucketCounts"/> has one more entry than <see cref="ExplicitBounds"/>
/// (the last bucket is everything above the last bound). Summaries have no buckets.
/// </summary>
public sealed record HistogramValue(
    ulong Count,
    double Sum,
    double? Min,
    double? Max,
    IReadOnlyList<double> ExplicitBounds,
    IReadOnlyList<ulong> BucketCounts);

/// <summary>One point. <see cref="Value"/> is the number (gauge, sum), or the sum for histograms and summaries.</summary>
public sealed record MetricPoint(DateTimeOffset Time, DateTimeOffset StartTime, double Value, HistogramValue? Histogram);

/// <summary>The points of one instrument for one combination of dimension attributes, oldest first.</summary>
public sealed record MetricSeries(IReadOnlyList<TelemetryAttribute> Dimensions, IReadOnlyList<MetricPoint> Points)
{
    public MetricPoint? Latest => Points.Count == 0 ? null : Points[^1];
}
