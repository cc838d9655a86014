using Platform.Dashboard.Telemetry;
using Platform.Dashboard.Tests.Support;

namespace Platform.Dashboard.Tests.Stores;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Concurrent_writers_and_readers_leave_the_stores_consistent_and_within_limits()
    {
        var limits = new TelemetryLimits { MaxSpans = 500, MaxLogRecords = 300, MaxSeries = 50, MaxPointsPerSeries = 20 };
        var traces = new TraceStore(limits);
        var logs = new LogStore(limits);
        var metrics = new MetricStore(limits);
        var resource = Make.Resource("orders", "o-1");
        var counter = Make.Counter(resource);

        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(() =>
        {
            for (var i = 0; i < 1_000; i++)
            {
                traces.Add([Make.Span($"t{w}-{i / 3}", $"s{w}-{i}", startMs: i)]);
                logs.Add([Make.Log($"log {w} {i}", atMs: i)]);
                metrics.Add([Make.Sample(counter, i, i, new TelemetryAttribute("series", $"{w}-{i % 100}"))]);
            }
        }, TestContext.Current.CancellationToken));
        var reader = Task.Run(() =>
        {
            for (var i = 0; i < 200; i++)
            {
                _ = traces.QueryTraces(new(Text: "s1"));
                _ = logs.QueryLogs(new(Text: "log 2"));
                _ = metrics.GetSeries("orders/o-1", "orders.placed");
            }
        }, TestContext.Current.CancellationToken);
        await Task.WhenAll([.. writers, reader]);

        Assert.Equal(500, traces.SpanCount);
        Assert.Equal(500, traces.QueryTraces(new(Take: 1_000)).Items.Sum(t => t.SpanCount));
        Assert.Equal(300, logs.Count);
        Assert.Equal(50, metrics.SeriesCount);
        Assert.All(metrics.GetSeries("orders/o-1", "orders.placed"), s => Assert.InRange(s.Points.Count, 1, 20));
    }
}
