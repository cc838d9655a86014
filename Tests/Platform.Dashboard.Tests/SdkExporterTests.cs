using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Platform.Dashboard.Telemetry;
using Platform.Dashboard.Tests.Support;
using AggregationTemporality = Platform.Dashboard.Telemetry.AggregationTemporality;
using SpanKind = Platform.Dashboard.Telemetry.SpanKind;

namespace Platform.Dashboard.Tests;

/// <summary>Telemetry sent by the OpenTelemetry .NET SDK's own OTLP/HTTP protobuf exporter arrives in the stores intact.</summary>
public sealed class SdkExporterTests
{
    private static ResourceBuilder OrdersResource() =>
        ResourceBuilder.CreateEmpty().AddService("orders", serviceInstanceId: "orders-1").AddAttributes([new("deployment.environment", "test")]);

    [Fact]
    public async Task Spans_arrive_with_names_parent_links_attributes_status_and_resource()
    {
        await using var host = await ReceiverHost.StartAsync();
        var sourceName = $"Test.Traces.{Guid.NewGuid():N}";
        using var source = new ActivitySource(sourceName, "1.2.3");
        using var tracing = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(OrdersResource())
            .AddSource(sourceName)
            .AddOtlpExporter(OtlpTestData.Exporter(host, "traces"))
            .Build();

        string traceId, parentId, childId;
        using (var parent = source.StartActivity("GET /api/orders/{id}", ActivityKind.Server)!)
        {
            parent.SetTag("http.request.method", "GET");
            parent.SetTag("http.response.status_code", 500);
            using (var child = source.StartActivity("SELECT orders", ActivityKind.Client)!)
            {
                child.SetTag("db.system", "postgresql");
                child.AddEvent(new ActivityEvent("retrying", tags: new ActivityTagsCollection { ["attempt"] = 2 }));
                child.SetStatus(ActivityStatusCode.Error, "connection reset");
                childId = child.SpanId.ToHexString();
            }
            traceId = parent.TraceId.ToHexString();
            parentId = parent.SpanId.ToHexString();
        }
        Assert.True(tracing!.ForceFlush(10_000));

        var trace = host.Traces.GetTrace(traceId);
        Assert.NotNull(trace);
        Assert.Equal(2, trace.Spans.Count);
        var (root, rootDepth) = (trace.Spans[0].Span, trace.Spans[0].Depth);
        var (child2, childDepth) = (trace.Spans[1].Span, trace.Spans[1].Depth);
        Assert.Equal(("GET /api/orders/{id}", 0, parentId, (string?)null), (root.Name, rootDepth, root.SpanId, root.ParentSpanId));
        Assert.Equal(("SELECT orders", 1, childId, parentId), (child2.Name, childDepth, child2.SpanId, child2.ParentSpanId));
        Assert.Equal(SpanKind.Server, root.Kind);
        Assert.Equal(SpanKind.Client, child2.Kind);
        Assert.Equal("GET", root.Attributes.Find("http.request.method"));
        Assert.Equal("500", root.Attributes.Find("http.response.status_code"));
        Assert.Equal("postgresql", child2.Attributes.Find("db.system"));
        Assert.Equal((SpanStatusCode.Error, "connection reset"), (child2.Status, child2.StatusMessage));
        Assert.Equal(SpanStatusCode.Unset, root.Status);
        var retry = Assert.Single(child2.Events);
        Assert.Equal(("retrying", "2"), (retry.Name, retry.Attributes.Find("attempt")));
        Assert.Equal((sourceName, "1.2.3"), (root.Scope.Name, root.Scope.Version));
        Assert.True(root.StartTime <= child2.StartTime && child2.EndTime <= root.EndTime);
        Assert.InRange(root.StartTime, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow);

        Assert.Equal(("orders", "orders-1", "orders/orders-1"), (root.Resource.ServiceName, root.Resource.InstanceId, root.Resource.Key));
        Assert.Equal("test", root.Resource.Attributes.Find("deployment.environment"));
        Assert.Null(root.Resource.Attributes.Find("service.name"));
        Assert.Same(root.Resource, child2.Resource);
        Assert.Contains(host.Resources.GetResources(), r => r.Key == "orders/orders-1");

        Assert.Equal(("GET /api/orders/{id}", 2, 1), (trace.Summary.RootSpanName, trace.Summary.SpanCount, trace.Summary.ErrorCount));
        var listed = Assert.Single(host.Traces.QueryTraces(new TraceQuery(ErrorsOnly: true, Resource: "orders")).Items);
        Assert.Equal(traceId, listed.TraceId);
    }

    [Fact]
    public async Task Metric_points_arrive_with_counter_sums_histograms_and_dimensions()
    {
        await using var host = await ReceiverHost.StartAsync();
        var meterName = $"Test.Metrics.{Guid.NewGuid():N}";
        using var meter = new Meter(meterName);
        using var metrics = Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(OrdersResource())
            .AddMeter(meterName)
            .AddOtlpExporter(OtlpTestData.Exporter(host, "metrics"))
            .Build();
        var placed = meter.CreateCounter<long>("orders.placed", "{order}", "Orders placed");
        var amount = meter.CreateHistogram<double>("orders.amount", "EUR", "Order totals");
        placed.Add(3, new KeyValuePair<string, object?>("region", "east"));
        placed.Add(2, new KeyValuePair<string, object?>("region", "east"));
        placed.Add(4, new KeyValuePair<string, object?>("region", "west"));
        amount.Record(5);
        amount.Record(50);
        amount.Record(500);
        Assert.True(metrics!.ForceFlush(10_000));

        var instruments = host.Metrics.GetInstruments("orders/orders-1");
        var counter = Assert.Single(instruments, i => i.Name == "orders.placed");
        Assert.Equal((meterName, "{order}", "Orders placed", InstrumentKind.Sum, true, AggregationTemporality.Cumulative),
            (counter.MeterName, counter.Unit, counter.Description, counter.Kind, counter.IsMonotonic, counter.Temporality));
        var series = host.Metrics.GetSeries("orders/orders-1", meterName, "orders.placed");
        Assert.Equal(2, series.Count);
        Assert.Equal(5, Assert.Single(series, s => s.Dimensions.Find("region") == "east").Latest!.Value);
        Assert.Equal(4, Assert.Single(series, s => s.Dimensions.Find("region") == "west").Latest!.Value);

        var histogram = Assert.Single(instruments, i => i.Name == "orders.amount");
        Assert.Equal(InstrumentKind.Histogram, histogram.Kind);
        var point = Assert.Single(Assert.Single(host.Metrics.GetSeries("orders/orders-1", "orders.amount")).Points);
        var buckets = point.Histogram!;
        Assert.Equal((3UL, 555.0, 5.0, 500.0), (buckets.Count, buckets.Sum, buckets.Min, buckets.Max));
        Assert.Equal(buckets.ExplicitBounds.Count + 1, buckets.BucketCounts.Count);
        Assert.Equal(3UL, buckets.BucketCounts.Aggregate(0UL, (a, b) => a + b));
        Assert.Equal(555, point.Value);
    }

    [Fact]
    public async Task Log_records_arrive_with_body_severity_attributes_category_and_trace_id()
    {
        await using var host = await ReceiverHost.StartAsync();
        string traceId, spanId;
        using (var loggerFactory = LoggerFactory.Create(logging => logging.AddOpenTelemetry(o =>
               {
                   o.SetResourceBuilder(OrdersResource());
                   o.IncludeFormattedMessage = true;
                   o.AddOtlpExporter(OtlpTestData.Exporter(host, "logs"));
               })))
        {
            var logger = loggerFactory.CreateLogger("Platform.Orders.Checkout");
            using var activity = new Activity("checkout").Start();
            (traceId, spanId) = (activity.TraceId.ToHexString(), activity.SpanId.ToHexString());
            logger.LogWarning("Order {OrderId} could not be paid", 42);
            logger.LogDebug("Not exported: below the default Information level");
        } // disposing the factory flushes the exporter

        var record = Assert.Single(host.Logs.QueryLogs(new LogQuery()).Items);
        Assert.Equal("Order 42 could not be paid", record.Body);
        Assert.Equal((LogSeverity.Warning, "Warning"), (record.SeverityNumber, record.SeverityText));
        Assert.Equal("42", record.Attributes.Find("OrderId"));
        Assert.Equal((traceId, spanId), (record.TraceId, record.SpanId));
        Assert.Equal("Platform.Orders.Checkout", record.Category);
        Assert.Equal("orders/orders-1", record.Resource.Key);
        Assert.InRange(record.Time, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task An_exporter_with_a_wrong_key_stores_nothing()
    {
        await using var host = await ReceiverHost.StartAsync();
        var sourceName = $"Test.WrongKey.{Guid.NewGuid():N}";
        using var source = new ActivitySource(sourceName);
        using (var tracing = Sdk.CreateTracerProviderBuilder()
                   .AddSource(sourceName)
                   .AddOtlpExporter(OtlpTestData.Exporter(host, "traces", apiKey: "not-the-key"))
                   .Build())
        {
            source.StartActivity("refused")?.Dispose();
            tracing!.ForceFlush(10_000);
        }
        Assert.Equal(0, host.Traces.SpanCount);
        Assert.Empty(host.Resources.GetResources());
    }
}
