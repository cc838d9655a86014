using System.Text.Json;
using Platform.Dashboard.Telemetry;
using Platform.Dashboard.Tests.Support;

namespace Platform.Dashboard.Tests.Stores;

public sealed class TelemetryExportTests
{
    [Fact]
    public async Task Everything_is_written_as_one_json_document()
    {
        var limits = new TelemetryLimits();
        var resources = new ResourceStore(limits);
        var traces = new TraceStore(limits);
        var logs = new LogStore(limits);
        var metrics = new MetricStore(limits);
        var orders = resources.GetOrAdd("orders", "o-1", [new TelemetryAttribute("host.name", "ci")]);
        traces.Add([Make.Span("t1", "root", resource: orders), Make.Span("t1", "child", parentId: "root", status: SpanStatusCode.Error, resource: orders)]);
        logs.Add([Make.Log("hello", resource: orders, traceId: "t1")]);
        metrics.Add([Make.Sample(Make.Counter(orders), 3, 0, new TelemetryAttribute("region", "east"))]);

        using var stream = new MemoryStream();
        await new TelemetryExport(resources, traces, logs, metrics).WriteJsonAsync(stream, TestContext.Current.CancellationToken);

        using var json = JsonDocument.Parse(stream.ToArray());
        var root = json.RootElement;
        Assert.Equal("ci", root.GetProperty("resources")[0].GetProperty("attributes").GetProperty("host.name").GetString());
        var spans = root.GetProperty("traces")[0].GetProperty("spans");
        Assert.Equal(["root", "child"], spans.EnumerateArray().Select(s => s.GetProperty("spanId").GetString()));
        Assert.Equal("Error", spans[1].GetProperty("status").GetString());
        Assert.Equal(1, spans[1].GetProperty("depth").GetInt32());
        Assert.Equal("orders/o-1", spans[0].GetProperty("resource").GetString());
        Assert.Equal("hello", root.GetProperty("logs")[0].GetProperty("body").GetString());
        var metric = root.GetProperty("metrics")[0];
        Assert.Equal("orders.placed", metric.GetProperty("name").GetString());
        var series = metric.GetProperty("series")[0];
        Assert.Equal("east", series.GetProperty("dimensions").GetProperty("region").GetString());
        Assert.Equal(3, series.GetProperty("points")[0].GetProperty("value").GetDouble());
    }
}
