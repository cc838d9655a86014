using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using Platform.Dashboard.Otlp.Proto.Collector.Metrics;
using Platform.Dashboard.Otlp.Proto.Collector.Trace;
using Platform.Dashboard.Otlp.Proto.Common;
using Platform.Dashboard.Otlp.Proto.Metrics;
using Platform.Dashboard.Otlp.Proto.Resource;
using Platform.Dashboard.Telemetry;
using Platform.Dashboard.Tests.Support;
using AggregationTemporality = Platform.Dashboard.Telemetry.AggregationTemporality;
using ProtoSpan = Platform.Dashboard.Otlp.Proto.Trace.Span;

namespace Platform.Dashboard.Tests;

/// <summary>OTLP shapes the .NET SDK does not send by default: gauges, exponential histograms, summaries, rich values, links.</summary>
public sealed class RawMessageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task PostAsync(ReceiverHost host, string signal, IMessage message)
    {
        var content = new ByteArrayContent(message.ToByteArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/{signal}") { Content = content };
        request.Headers.Add("x-otlp-api-key", ReceiverHost.ApiKey);
        using var response = await host.Client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static Resource Service(string name) =>
        new() { Attributes = { new KeyValue { Key = "service.name", Value = new AnyValue { StringValue = name } } } };

    [Fact]
    public async Task Gauges_exponential_histograms_and_summaries_become_series()
    {
        await using var host = await ReceiverHost.StartAsync();
        const ulong now = 1_767_268_800_000_000_000; // 2026-01-01T12:00:00Z
        var scope = new ScopeMetrics { Scope = new InstrumentationScope { Name = "Raw.Meter" } };
        scope.Metrics.Add(new Metric
        {
            Name = "cpu.usage",
            Gauge = new Gauge { DataPoints = { new NumberDataPoint { TimeUnixNano = now, AsDouble = 0.25 } } },
        });
        var exponential = new ExponentialHistogramDataPoint
        {
            TimeUnixNano = now, Count = 6, Sum = 21, Scale = 0, ZeroCount = 1,
            Positive = new ExponentialHistogramDataPoint.Types.Buckets { Offset = 0, BucketCounts = { 2, 3 } },
        };
        scope.Metrics.Add(new Metric
        {
            Name = "latency",
            ExponentialHistogram = new ExponentialHistogram
            {
                AggregationTemporality = Otlp.Proto.Metrics.AggregationTemporality.Delta,
                DataPoints = { exponential },
            },
        });
        scope.Metrics.Add(new Metric
        {
            Name = "gc.pause",
            Summary = new Summary { DataPoints = { new SummaryDataPoint { TimeUnixNano = now, Count = 4, Sum = 10 } } },
        });
        scope.Metrics.Add(new Metric
        {
            Name = "skipped",
            Gauge = new Gauge { DataPoints = { new NumberDataPoint { TimeUnixNano = now, Flags = 1 } } },
        });
        var request = new ExportMetricsServiceRequest();
        request.ResourceMetrics.Add(new ResourceMetrics { Resource = Service("raw"), ScopeMetrics = { scope } });

        await PostAsync(host, "metrics", request);

        var instruments = host.Metrics.GetInstruments("raw");
        Assert.Equal(["cpu.usage", "gc.pause", "latency"], instruments.Select(i => i.Name).Order());
        var gauge = host.Metrics.GetSeries("raw", "cpu.usage").Single().Points.Single();
        Assert.Equal((0.25, new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero)), (gauge.Value, gauge.Time));

        Assert.Equal(AggregationTemporality.Delta, instruments.Single(i => i.Name == "latency").Temporality);
        var buckets = host.Metrics.GetSeries("raw", "latency").Single().Points.Single().Histogram!;
        Assert.Equal([2.0, 4.0], buckets.ExplicitBounds); // base 2 at scale 0: (1,2], (2,4]
        Assert.Equal([3UL, 3UL, 0UL], buckets.BucketCounts); // the zero bucket joins the first
        Assert.Equal((6UL, 21.0), (buckets.Count, buckets.Sum));

        var summary = host.Metrics.GetSeries("raw", "gc.pause").Single().Points.Single();
        Assert.Equal((10.0, 4UL), (summary.Value, summary.Histogram!.Count));
    }

    [Fact]
    public async Task Attribute_values_of_every_kind_and_span_links_are_kept_as_text()
    {
        await using var host = await ReceiverHost.StartAsync();
        var request = OtlpTestData.TraceRequest("raw", spans: 1);
        var span = request.ResourceSpans[0].ScopeSpans[0].Spans[0];
        span.Attributes.Add(new KeyValue { Key = "flag", Value = new AnyValue { BoolValue = true } });
        span.Attributes.Add(new KeyValue { Key = "ratio", Value = new AnyValue { DoubleValue = 0.5 } });
        span.Attributes.Add(new KeyValue { Key = "count", Value = new AnyValue { IntValue = -7 } });
        span.Attributes.Add(new KeyValue
        {
            Key = "tags",
            Value = new AnyValue { ArrayValue = new ArrayValue { Values = { new AnyValue { StringValue = "a" }, new AnyValue { IntValue = 1 } } } },
        });
        span.Attributes.Add(new KeyValue
        {
            Key = "map",
            Value = new AnyValue { KvlistValue = new KeyValueList { Values = { new KeyValue { Key = "k", Value = new AnyValue { StringValue = "v" } } } } },
        });
        span.Links.Add(new ProtoSpan.Types.Link
        {
            TraceId = ByteString.CopyFrom(OtlpTestData.Id(16, 99)),
            SpanId = ByteString.CopyFrom(OtlpTestData.Id(8, 99)),
        });

        await PostAsync(host, "traces", request);

        var stored = host.Traces.GetTrace(OtlpTestData.HexId(16, 1))!.Spans.Single().Span;
        Assert.Equal(["true", "0.5", "-7", "[a, 1]", "{k: v}"],
            new[] { "flag", "ratio", "count", "tags", "map" }.Select(k => stored.Attributes.Find(k)));
        var link = Assert.Single(stored.Links);
        Assert.Equal((OtlpTestData.HexId(16, 99), OtlpTestData.HexId(8, 99)), (link.TraceId, link.SpanId));
        Assert.Equal(("raw", null), (stored.Resource.ServiceName, stored.Resource.InstanceId));
    }
}
