using System.Collections.Concurrent;
using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Platform.EventBus.Tests;

/// <summary>
/// Through the OpenTelemetry SDK, as a service exports traces: the relay polls its outbox all the time, and
/// those statements must not each become a trace of their own, while what it sends stays traced.
/// </summary>
public sealed class RelayTracingTests(Servers servers)
{
    private const string TestSourceName = "Platform.EventBus.Tests.Relay";
    private static readonly ActivitySource TestSource = new(TestSourceName);

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
        await Eventually.HoldsAsync(() => ended.Any(a => a.DisplayName == "send order-placed"), TimeSpan.FromSeconds(20),
            "the event is sent", cancellation);
        await Task.Delay(TimeSpan.FromSeconds(1), cancellation); // about 20 more polls

        var send = ended.Single(a => a.DisplayName == "send order-placed");
        Assert.Equal(traceId, send.TraceId);
        var ownDatabase = ended.Where(a => a.Source.Name == "Npgsql" && a.Tags.Any(tag => tag.Value == databaseName)).ToList();
        Assert.DoesNotContain(ownDatabase, a => a.TraceId != traceId && (a.GetTagItem("db.query.text") as string ?? "").Contains("outbox"));
    }

    private sealed class Collector(ConcurrentQueue<Activity> ended) : BaseProcessor<Activity>
    {
        public override void OnEnd(Activity data) => ended.Enqueue(data);
    }
}
