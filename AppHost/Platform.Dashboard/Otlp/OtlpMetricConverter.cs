using Platform.Dashboard.Otlp.Proto.Collector.Metrics;
using Platform.Dashboard.Otlp.Proto.Metrics;
using Platform.Dashboard.Telemetry;
using static Platform.Dashboard.Otlp.OtlpCommonConverter;
using AggregationTemporality = Platform.Dashboard.Telemetry.AggregationTemporality;
using ProtoTemporality = Platform.Dashboard.Otlp.Proto.Metrics.AggregationTemporality;

namespace Platform.Dashboard.Otlp;

internal static class OtlpMetricConverter
{
    private const uint NoRecordedValue = (uint)DataPointFlags.NoRecordedValueMask;

    public static List<MetricSample> Convert(ExportMetricsServiceRequest request, ResourceStore resources)
    {
        var samples = new List<MetricSample>();
        foreach (var resourceMetrics in request.ResourceMetrics)
        {
            var resource = ToResource(resourceMetrics.Resource, resources);
            foreach (var scopeMetrics in resourceMetrics.ScopeMetrics)
            {
                var meter = scopeMetrics.Scope?.Name ?? "";
                foreach (var metric in scopeMetrics.Metrics)
                {
                    AddSamples(samples, metric, resource, meter);
                }
            }
        }
        return samples;
    }

    private static void AddSamples(List<MetricSample> samples, Metric metric, TelemetryResource resource, string meter)
    {
        TelemetryInstrument Instrument(InstrumentKind kind, bool monotonic, ProtoTemporality temporality) => new(
            resource, meter, metric.Name, metric.Description, metric.Unit, kind, monotonic, ToTemporality(temporality));

        switch (metric.DataCase)
        {
            case Metric.DataOneofCase.Gauge:
                AddNumbers(samples, Instrument(InstrumentKind.Gauge, false, ProtoTemporality.Unspecified), metric.Gauge.DataPoints);
                break;
            case Metric.DataOneofCase.Sum:
                AddNumbers(samples, Instrument(InstrumentKind.Sum, metric.Sum.IsMonotonic, metric.Sum.AggregationTemporality), metric.Sum.DataPoints);
                break;
            case Metric.DataOneofCase.Histogram:
                var histogram = Instrument(InstrumentKind.Histogram, false, metric.Histogram.AggregationTemporality);
                foreach (var point in metric.Histogram.DataPoints.Where(p => (p.Flags & NoRecordedValue) == 0))
                {
                    var sum = point.HasSum ? point.Sum : 0;
                    var value = new HistogramValue(point.Count, sum, point.HasMin ? point.Min : null, point.HasMax ? point.Max : null,
                        point.ExplicitBounds.ToList(), point.BucketCounts.ToList());
                    samples.Add(new MetricSample(histogram, ToAttributes(point.Attributes),
                        new MetricPoint(ToTime(point.TimeUnixNano), ToTime(point.StartTimeUnixNano), sum, value)));
                }
                break;
            case Metric.DataOneofCase.ExponentialHistogram:
                var exponential = Instrument(InstrumentKind.ExponentialHistogram, false, metric.ExponentialHistogram.AggregationTemporality);
                foreach (var point in metric.ExponentialHistogram.DataPoints.Where(p => (p.Flags & NoRecordedValue) == 0))
                {
                    var sum = point.HasSum ? point.Sum : 0;
                    samples.Add(new MetricSample(exponential, ToAttributes(point.Attributes),
                        new MetricPoint(ToTime(point.TimeUnixNano), ToTime(point.StartTimeUnixNano), sum, ToExplicitBuckets(point))));
                }
                break;
            case Metric.DataOneofCase.Summary:
                var summary = Instrument(InstrumentKind.Summary, false, ProtoTemporality.Unspecified);
                foreach (var point in metric.Summary.DataPoints.Where(p => (p.Flags & NoRecordedValue) == 0))
                {
                    samples.Add(new MetricSample(summary, ToAttributes(point.Attributes),
                        new MetricPoint(ToTime(point.TimeUnixNano), ToTime(point.StartTimeUnixNano), point.Sum,
                            new HistogramValue(point.Count, point.Sum, null, null, [], []))));
                }
                break;
        }
    }

    private static void AddNumbers(List<MetricSample> samples, TelemetryInstrument instrument, IEnumerable<NumberDataPoint> points)
    {
        foreach (var point in points.Where(p => (p.Flags & NoRecordedValue) == 0))
        {
            var value = point.ValueCase == NumberDataPoint.ValueOneofCase.AsInt ? point.AsInt : point.AsDouble;
            samples.Add(new MetricSample(instrument, ToAttributes(point.Attributes),
                new MetricPoint(ToTime(point.TimeUnixNano), ToTime(point.StartTimeUnixNano), value, null)));
        }
    }

    /// <summary>
    /// Exponential buckets as explicit ones: bound i is base^(offset + i + 1) with base = 2^(2^-scale); the first
    /// bucket also holds the zero and negative counts, so the histogram's shape above zero is kept.
    /// </summary>
    private static HistogramValue ToExplicitBuckets(ExponentialHistogramDataPoint point)
    {
        var positive = point.Positive?.BucketCounts ?? [];
        var offset = point.Positive?.Offset ?? 0;
        var below = point.ZeroCount + (point.Negative?.BucketCounts.Aggregate(0UL, (a, b) => a + b) ?? 0);
        var bucketBase = Math.Pow(2, Math.Pow(2, -point.Scale));
        var bounds = new List<double>(positive.Count);
        var counts = new List<ulong>(positive.Count + 1);
        for (var i = 0; i < positive.Count; i++)
        {
            bounds.Add(Math.Pow(bucketBase, offset + i + 1));
            counts.Add(positive[i] + (i == 0 ? below : 0));
        }
        counts.Add(positive.Count == 0 ? below : 0);
        return new HistogramValue(point.Count, point.HasSum ? point.Sum : 0, point.HasMin ? point.Min : null,
            point.HasMax ? point.Max : null, bounds, counts);
    }

    private static AggregationTemporality ToTemporality(ProtoTemporality temporality) => temporality switch
    {
        ProtoTemporality.Delta => AggregationTemporality.Delta,
        ProtoTemporality.Cumulative => AggregationTemporality.Cumulative,
        _ => AggregationTemporality.Unspecified,
    };
}
