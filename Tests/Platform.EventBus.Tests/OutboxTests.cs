using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;

namespace Platform.EventBus.Tests;

public sealed class OutboxTests(Servers servers)
{
    [Fact]
    public async Task An_event_published_in_a_committed_transaction_reaches_the_broker_and_one_rolled_back_does_not()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var exchange = SampleEvents.UniqueName("outbox");
        var database = await servers.CreateDatabaseAsync(cancellation);
        await using var tap = await EventTap.StartAsync(servers.RabbitMQ, exchange, cancellation);
        await using var host = await BusHost.StartAsync(database, servers.RabbitMQ, exchange,
            bus => bus.Services.Configure<EventBusOptions>(o => o.ExchangeName = exchange), cancellation);

        var rolledBack = SampleEvents.OrderPlaced();
        var committed = SampleEvents.OrderPlaced();
        await PublishInTransactionAsync(host, rolledBack, commit: false, cancellation);
        await PublishInTransactionAsync(host, committed, commit: true, cancellation);

        await Eventually.HoldsAsync(() => tap.DistinctMessageIds.Contains(committed.Id.ToString()), TimeSpan.FromSeconds(20),
            "the committed event reaches the broker", cancellation);
        var message = Assert.Single(tap.Messages);
        Assert.Equal(committed.Id.ToString(), message.MessageId);
        Assert.Equal("order-placed", message.Type);
        Assert.Equal("order-placed", message.RoutingKey);
        Assert.Equal(DeliveryModes.Persistent, message.DeliveryMode);
        Assert.Equal("application/json", message.ContentType);
        Assert.Contains($"\"orderId\":\"{committed.OrderId}\"", message.Body);

        await using var db = host.OpenDatabase();
        Assert.Equal(committed.Id, Assert.Single(await db.Outbox.Select(m => m.Id).ToListAsync(cancellation)));
        // The broker confirms before the dispatcher commits the row as sent.
        await Eventually.HoldsAsync(() => db.Outbox.AnyAsync(m => m.SentAt != null, cancellation), TimeSpan.FromSeconds(10),
            "the row is marked sent", cancellation);
    }

    [Fact]
    public async Task Two_replicas_relaying_one_outbox_send_each_event_once()
    {
        const int count = 2000;
        var cancellation = TestContext.Current.CancellationToken;
        var exchange = SampleEvents.UniqueName("replicas");
        var database = await servers.CreateDatabaseAsync(cancellation);
        await using var tap = await EventTap.StartAsync(servers.RabbitMQ, exchange, cancellation);
        void Configure(EventBusBuilder bus) => bus.Services.Configure<EventBusOptions>(o =>
        {
            o.ExchangeName = exchange;
            o.OutboxBatchSize = 10;
            o.OutboxPollingInterval = TimeSpan.FromMilliseconds(50);
        });
        await using var first = await BusHost.StartAsync(database, servers.RabbitMQ, exchange, Configure, cancellation);
        await using var second = await BusHost.StartAsync(database, servers.RabbitMQ, exchange, Configure, cancellation);
        using var firstMetrics = new MeterRecorder(first.Services);
        using var secondMetrics = new MeterRecorder(second.Services);

        await first.PublishAsync(Enumerable.Range(0, count).Select(_ => SampleEvents.OrderPlaced()), cancellation);

        await Eventually.HoldsAsync(() => tap.DistinctMessageIds.Count == count, TimeSpan.FromSeconds(60),
            $"all {count} events arrive (so far {tap.DistinctMessageIds.Count})", cancellation);
        await Task.Delay(TimeSpan.FromSeconds(1), cancellation);
        Assert.Equal(count, tap.Messages.Count);
        Assert.Equal(count, firstMetrics.Read("platform.eventbus.published") + secondMetrics.Read("platform.eventbus.published"));
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"relayed by the first replica: {firstMetrics.Read("platform.eventbus.published")}, by the second: {secondMetrics.Read("platform.eventbus.published")}");
    }

    private static async Task PublishInTransactionAsync(BusHost host, IntegrationEvent @event, bool commit, CancellationToken cancellationToken)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.HandledEvents.Add(new HandledEvent { EventId = @event.Id, Handler = "state change", HandledAt = DateTimeOffset.UtcNow });
        await scope.ServiceProvider.GetRequiredService<IEventBus>().PublishAsync(@event, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (commit)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        else
        {
            await transaction.RollbackAsync(cancellationToken);
        }
    }
}
