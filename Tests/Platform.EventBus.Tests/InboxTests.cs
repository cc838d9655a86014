using Microsoft.EntityFrameworkCore;

namespace Platform.EventBus.Tests;

public sealed class InboxTests(Servers servers)
{
    [Fact]
    public async Task An_event_delivered_twice_is_handled_once_and_both_deliveries_are_acknowledged()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var service = SampleEvents.UniqueName("inbox");
        var database = await servers.CreateDatabaseAsync(cancellation);
        await using var host = await BusHost.StartAsync(database, servers.RabbitMQ, service, bus => bus
            .AddEventHandler<OrderPlaced, OrderPlacedRecorder>()
            .Services.Configure<EventBusOptions>(o => o.ExchangeName = service), cancellation);
        await host.WaitUntilHealthyAsync(cancellation);
        using var metrics = new MeterRecorder(host.Services);
        await using var broker = await EventTap.StartAsync(servers.RabbitMQ, service, cancellation);

        var orderPlaced = SampleEvents.OrderPlaced();
        await broker.PublishAsync(service, orderPlaced, cancellation);
        await broker.PublishAsync(service, orderPlaced, cancellation);

        await Eventually.HoldsAsync(() => metrics.Read("platform.eventbus.delivered") >= 2, TimeSpan.FromSeconds(20),
            "both deliveries are acknowledged", cancellation);
        Assert.Equal(1, await host.CountHandledAsync(orderPlaced.Id, cancellation));
        await using var db = host.OpenDatabase();
        var entry = Assert.Single(await db.Inbox.ToListAsync(cancellation));
        Assert.Equal((orderPlaced.Id, service, "order-placed"), (entry.EventId, entry.Consumer, entry.EventName));
        Assert.Equal(0u, await broker.CountAsync(service, cancellation));
    }
}
