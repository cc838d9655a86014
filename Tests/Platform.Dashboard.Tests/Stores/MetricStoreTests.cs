using Platform.Dashboard.Telemetry;
using Platform.Dashboard.Tests.Support;

namespace Platform.Dashboard.Tests.Stores;

public sealed class MetricStoreTests
{
    private static readonly TelemetryResource Orders = Make.Resource("orders", "o-1");

    [Fact]
    public void Points_are_grouped_into_series_by_dimensions_whatever_their_order()
    {
        var store = new MetricStore(new TelemetryLimits());
        var counter = Make.Counter(Orders);
        store.Add([
            Make.Sample(counter, 1, 0, new TelemetryAttribute("region", "east"), new TelemetryAttribute("tier", "gold")),
            Make.Sample(counter, 2, 10, new TelemetryAttribute("tier", "gold"), new TelemetryAttribute("region", "east")),
            Make.Sample(counter, 7, 10, new TelemetryAttribute("region", "west")),
        ]);

        var instrument = Assert.Single(store.GetInstruments("orders/o-1"));
        Assert.Equal("orders.placed", instrument.Name);
        var series = store.GetSeries("orders/o-1", "Test.Meter", "orders.placed");
        Assert.Equal(2, series.Count);
        var east = Assert.Single(series, s => s.Dimensions.Find("region") == "east");
        Assert.Equal([1.0, 2.0], east.Points.Select(p => p.Value));
        Assert.Equal(["region", "tier"], east.Dimensions.Select(d => d.Key));
        Assert.Empty(store.GetInstruments("unknown"));
        Assert.Empty(store.GetSeries("orders/o-1", "Test.Meter", "unknown"));
    }

    [Fact]
    public void Each_series_keeps_its_newest_points_within_the_limit()
    {
        var store = new MetricStore(new TelemetryLimits { MaxPointsPerSeries = 3 });
        var counter = Make.Counter(Orders);
        store.Add(Enumerable.Range(1, 5).Select(i => Make.Sample(counter, i, i)));

        Assert.Equal([3.0, 4.0, 5.0], store.GetSeries("orders/o-1", "orders.placed").Single().Points.Select(p => p.Value));
    }

    [Fact]
    public void The_series_limit_evicts_the_earliest_created_series_and_empty_instruments()
    {
        var store = new MetricStore(new TelemetryLimits { MaxSeries = 2 });
        var first = Make.Counter(Orders, "first");
        var second = Make.Counter(Orders, "second");
        store.Add([Make.Sample(first, 1), Make.Sample(second, 1, 0, new TelemetryAttribute("k", "a"))]);
        store.Add([Make.Sample(second, 2, 0, new TelemetryAttribute("k", "b"))]);

        Assert.Equal(2, store.SeriesCount);
        Assert.Equal(["second"], store.GetInstruments("orders/o-1").Select(i => i.Name));
        Assert.Equal(["a", "b"], store.GetSeries("orders/o-1", "second").Select(s => s.Dimensions.Find("k")).Order());
    }
}
