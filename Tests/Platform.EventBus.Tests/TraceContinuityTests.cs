using System.Collections.Concurrent;
using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Platform.EventBus.Tests;

public sealed class TraceContinuityTests(Servers servers)
{
    private const string TestSourceName = "Platform.EventBus.Tests";
    private static readonly ActivitySource TestSource = new(TestSourceName);

    [Fact]
    public async Task The_consumer_span_continues_the_trace_of_the_publisher()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is EventBusTelemetry.SourceName or TestSourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        var service = SampleEvents.UniqueName("trace");
        var database = await servers.CreateDatabaseAsync(cancellation);
        await using var host = await BusHost.StartAsync(database, servers.RabbitMQ, service, bus => bus
            .AddEventHandler<OrderPlaced, OrderPlacedRecorder>()
            .Services.Configure<EventBusOptions>(o => o.ExchangeName = service), cancellation);
        await host.WaitUntilHealthyAsync(cancellation);

        var orderPlaced = SampleEvents.OrderPlaced();
        ActivityTraceId traceId;
        using (var request = TestSource.StartActivity("POST /api/orders", ActivityKind.Server))
        {
            traceId = request!.TraceId;
            await host.PublishAsync(orderPlaced, cancellation);
        }

        var messageId = orderPlaced.Id.ToString();
        Activity? Span(string name) => stopped.FirstOrDefault(a => a.DisplayName == name && (string?)a.GetTagItem("messaging.message.id") == messageId);
        // The send span ends at the broker's confirm, which may come after the consumer's span ended.
        await Eventually.HoldsAsync(() => Span("process order-placed") is not null && Span("send order-placed") is not null,
            TimeSpan.FromSeconds(20), "the event is sent and processed", cancellation);

        var publish = Span("publish order-placed")!;
        var send = Span("send order-placed")!;
        var process = Span("process order-placed")!;
        Assert.Equal(ActivityKind.Producer, publish.Kind);
        Assert.Equal(ActivityKind.Producer, send.Kind);
        Assert.Equal(ActivityKind.Consumer, process.Kind);
        Assert.All([publish, send, process], span => Assert.Equal(traceId, span.TraceId));
        Assert.Equal(publish.SpanId, send.ParentSpanId);
        Assert.Equal(send.SpanId, process.ParentSpanId);

        Assert.Equal("rabbitmq", process.GetTagItem("messaging.system"));
        Assert.Equal("process", process.GetTagItem("messaging.operation.type"));
        Assert.Equal(service, process.GetTagItem("messaging.destination.name"));
        Assert.Equal(service, process.GetTagItem("messaging.consumer.group.name"));
        Assert.Equal("order-placed", process.GetTagItem("messaging.rabbitmq.destination.routing_key"));
        Assert.Equal("send", send.GetTagItem("messaging.operation.type"));
        Assert.Equal(ActivityStatusCode.Unset, process.Status);
    }

    /// <summary>
    /// Through the OpenTelemetry SDK, as a service exports traces: the relay polls its outbox all the time, and
    /// those statements must not each become a trace of their own, while what it sends stays traced.
    /// </summary>
    [Fact]
    public async Task The_relays_own_statements_make_no_trace_and_its_send_joins_the_publishers_trace()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var service = SampleEvents.UniqueName("relay-trace");
        var database = await servers.CreateDatabaseAsync(cancellation);
        var databaseName = new Npgsql.NpgsqlConnectionStringBuilder(database).Database;
        var ended = new ConcurrentQueue<Activity>();
        using var tracing = Sdk.CreateTracerProviderBuilder()
            .AddSource("Npgsql", EventBusTelemetry.SourceName, TestSourceName)
            .AddProcessor(new Collector(ended))
            .Build();

        await using var host = await BusHost.StartAsync(database, servers.RabbitMQ, service, bus => bus.Services.Configure<EventBusOptions>(o =>
        {
            o.ExchangeName = service;
            o.OutboxPollingInterval = TimeSpan.FromMilliseconds(50);
        }), cancellation);
        var orderPlaced = SampleEvents.OrderPlaced();
        ActivityTraceId traceId;
        using (var request = TestSource.StartActivity("POST /api/orders", ActivityKind.Server))
        {
            traceId = request!.TraceId;
            await host.PublishAsync(orderPlaced, cancellation);
        }
        // Other tests relay order-placed events at the same time: this one's send is known by its message id.
        bool IsThisSend(Activity a) => a.DisplayName == "send order-placed" && (string?)a.GetTagItem("messaging.message.id") == orderPlaced.Id.ToString();
        await Eventually.HoldsAsync(() => ended.Any(IsThisSend), TimeSpan.FromSeconds(20), "the event is sent", cancellation);
        await Task.Delay(TimeSpan.FromSeconds(1), cancellation); // about 20 more polls

        var send = ended.Single(IsThisSend);
        Assert.Equal(traceId, send.TraceId);
        var ownDatabase = ended.Where(a => a.Source.Name == "Npgsql" && a.Tags.Any(tag => tag.Value == databaseName)).ToList();
        Assert.DoesNotContain(ownDatabase, a => a.TraceId != traceId && (a.GetTagItem("db.query.text") as string ?? "").Contains("outbox"));
    }

    private sealed class Collector(ConcurrentQueue<Activity> ended) : BaseProcessor<Activity>
    {
        public override void OnEnd(Activity data) => ended.Enqueue(data);
    }
}
