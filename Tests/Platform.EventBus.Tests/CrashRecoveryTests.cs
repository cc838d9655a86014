using Microsoft.EntityFrameworkCore;

namespace Platform.EventBus.Tests;

/// <summary>At-least-once delivery and exactly-once effects across a broker outage and killed processes.</summary>
public sealed class CrashRecoveryTests(CrashRecoveryApp fixture) : IClassFixture<CrashRecoveryApp>
{
    [Fact]
    public async Task Events_committed_while_the_broker_is_down_all_arrive_once_it_is_back()
    {
        const int count = 1000;
        var cancellation = TestContext.Current.CancellationToken;
        var app = fixture.App;
        var exchange = SampleEvents.UniqueName("outage");
        var database = await fixture.ConnectionStringAsync("outagedb");
        await TestDatabases.MigrateAsync(database, cancellation);
        var rabbitMQ = await fixture.ConnectionStringAsync("messaging");
        await using var tap = await EventTap.StartAsync(rabbitMQ, exchange, cancellation);
        await using var host = await BusHost.StartAsync(database, rabbitMQ, exchange, bus => bus.Services.Configure<EventBusOptions>(o =>
        {
            o.ExchangeName = exchange;
            o.MaxRelayBackoff = TimeSpan.FromSeconds(1);
        }), cancellation);
        using var metrics = new MeterRecorder(host.Services);

        await app.StopResourceAsync("messaging", TestContext.Current.CancellationToken);
        List<OrderPlaced> events;
        try
        {
            events = Enumerable.Range(0, count).Select(_ => SampleEvents.OrderPlaced()).ToList();
            foreach (var @event in events)
            {
                await host.PublishAsync(@event, cancellation);
            }
            await using var db = host.OpenDatabase();
            Assert.Equal(count, await db.Outbox.CountAsync(m => m.SentAt == null, cancellation));
            await Eventually.HoldsAsync(() => metrics.Read("platform.eventbus.outbox.backlog") == count, TimeSpan.FromSeconds(30),
                "the backlog gauge shows every waiting event", cancellation);
            Assert.True(metrics.Read("platform.eventbus.outbox.oldest_age") > 0);
        }
        finally
        {
            await app.StartResourceAsync("messaging", TestContext.Current.CancellationToken);
        }
        await app.WaitForResourceHealthyAsync("messaging", TimeSpan.FromSeconds(60), cancellation);

        await Eventually.HoldsAsync(() => tap.DistinctMessageIds.Count == count, TimeSpan.FromSeconds(90),
            $"all {count} events arrive (so far {tap.DistinctMessageIds.Count})", cancellation);
        Assert.Equal(events.Select(e => e.Id.ToString()).Order(), tap.DistinctMessageIds.Order());
        await Eventually.HoldsAsync(() => metrics.Read("platform.eventbus.published") == count, TimeSpan.FromSeconds(10),
            "the published counter shows every event", cancellation);
    }

    [Fact]
    public async Task A_dispatcher_killed_while_it_relays_loses_no_event()
    {
        const int count = 5000;
        var cancellation = TestContext.Current.CancellationToken;
        var database = await fixture.ConnectionStringAsync("relaydb");
        await using var tap = await EventTap.StartAsync(await fixture.ConnectionStringAsync("messaging"), CrashRecoveryApp.RelayExchange, cancellation);
        await fixture.App.WaitForResourceHealthyAsync("relay", cancellationToken: cancellation);

        var events = Enumerable.Range(0, count).Select(_ => SampleEvents.OrderPlaced()).ToList();
        await using (var db = TestDatabases.Open(database))
        {
            await OutboxWriter.PublishAsync(db, events, cancellation);
        }
        await using var outbox = TestDatabases.Open(database);
        await Eventually.HoldsAsync(() => outbox.Outbox.AnyAsync(m => m.SentAt != null, cancellation), TimeSpan.FromSeconds(30),
            "the relay starts sending", cancellation);
        await fixture.KillAsync("relay", cancellation);

        var sentBeforeKill = await outbox.Outbox.CountAsync(m => m.SentAt != null, cancellation);
        Assert.InRange(sentBeforeKill, 1, count - 1);
        await fixture.RestartAsync("relay", cancellation);

        await Eventually.HoldsAsync(() => tap.DistinctMessageIds.Count == count, TimeSpan.FromSeconds(90),
            $"all {count} events arrive (so far {tap.DistinctMessageIds.Count})", cancellation);
        Assert.Equal(events.Select(e => e.Id.ToString()).Order(), tap.DistinctMessageIds.Order());
        Assert.Equal(0, await outbox.Outbox.CountAsync(m => m.SentAt == null, cancellation));
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{sentBeforeKill} of {count} sent before the kill; {tap.Messages.Count - count} sent twice (at-least-once)");
    }

    [Fact]
    public async Task A_consumer_killed_between_its_commit_and_the_acknowledgement_does_not_apply_the_event_twice()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var app = fixture.App;
        var database = await fixture.ConnectionStringAsync("consumerdb");
        await app.WaitForResourceHealthyAsync("consumer", cancellationToken: cancellation);
        Assert.True(File.Exists(fixture.HangFile), "the consumer's crash hook is armed");

        var orderPlaced = SampleEvents.OrderPlaced();
        await using (var db = TestDatabases.Open(database))
        {
            await OutboxWriter.PublishAsync(db, [orderPlaced], cancellation);
        }
        await Eventually.HoldsAsync(() => app.ResourceLogs.GetLogs("consumer").Any(l => l.Text.Contains("hanging before the acknowledgement")),
            TimeSpan.FromSeconds(30), "the consumer committed and hangs before acknowledging", cancellation);
        await fixture.KillAsync("consumer", cancellation);

        await using var check = TestDatabases.Open(database);
        Assert.Equal(1, await check.HandledEvents.CountAsync(h => h.EventId == orderPlaced.Id, cancellation));
        Assert.Equal(1, await check.Inbox.CountAsync(e => e.EventId == orderPlaced.Id, cancellation));

        await fixture.RestartAsync("consumer", cancellation);
        await Eventually.HoldsAsync(
            () => app.ResourceLogs.GetLogs("consumer").Any(l => l.Text.Contains($"{orderPlaced.Id}") && l.Text.Contains("already handled")),
            TimeSpan.FromSeconds(30), "the redelivered event is acknowledged as handled already", cancellation);
        Assert.Equal(1, await check.HandledEvents.CountAsync(h => h.EventId == orderPlaced.Id, cancellation));
    }
}
