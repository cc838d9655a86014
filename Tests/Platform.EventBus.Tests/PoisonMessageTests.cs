using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace Platform.EventBus.Tests;

public sealed class PoisonMessageTests(Servers servers)
{
    private const int MaxAttempts = 3;

    [Fact]
    public async Task A_message_that_always_fails_is_retried_then_dead_lettered_with_its_error_while_others_flow()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var service = SampleEvents.UniqueName("poison");
        var database = await servers.CreateDatabaseAsync(cancellation);
        await using var host = await BusHost.StartAsync(database, servers.RabbitMQ, service, bus => bus
            .AddEventHandler<UserRegistered, UserRegisteredHandler>()
            .Services.Configure<EventBusOptions>(o =>
            {
                o.ExchangeName = service;
                o.MaxDeliveryAttempts = MaxAttempts;
                o.FirstRetryDelay = TimeSpan.FromMilliseconds(200);
            }), cancellation);
        await host.WaitUntilHealthyAsync(cancellation);
        using var metrics = new MeterRecorder(host.Services);
        await using var broker = await EventTap.StartAsync(servers.RabbitMQ, service, cancellation);

        var poison = new UserRegistered(Guid.NewGuid(), UserRegisteredHandler.PoisonName, "poison@example.com");
        var healthy = Enumerable.Range(0, 20).Select(i => new UserRegistered(Guid.NewGuid(), $"user{i}", $"user{i}@example.com")).ToList();
        // One outbox relay sends them together, so the consumer handles most of them in a batch with the poison.
        await host.PublishAsync([.. healthy[..10], poison, .. healthy[10..]], cancellation);

        var deadLetterQueue = $"{service}.dead-letter";
        await Eventually.HoldsAsync(async () => await broker.CountAsync(deadLetterQueue, cancellation) == 1, TimeSpan.FromSeconds(30),
            "the poison message is dead-lettered", cancellation);
        await using var db = host.OpenDatabase();
        Assert.Equal(healthy.Select(e => e.Id).Order(), (await db.HandledEvents.Select(h => h.EventId).ToListAsync(cancellation)).Order());

        var deadLetter = Assert.Single(await broker.DrainAsync(deadLetterQueue, cancellation));
        Assert.Equal(poison.Id.ToString(), deadLetter.MessageId);
        Assert.Equal("user-registered", deadLetter.Type);
        Assert.Equal(MaxAttempts.ToString(), deadLetter.Headers["x-failed-attempts"]);
        Assert.Equal(typeof(InvalidOperationException).FullName, deadLetter.Headers["x-exception-type"]);
        Assert.Equal(UserRegisteredHandler.PoisonMessage, deadLetter.Headers["x-exception-message"]);
        Assert.Contains(nameof(UserRegisteredHandler), deadLetter.Headers["x-exception-stacktrace"]);
        Assert.Equal(service, deadLetter.Headers["x-consumer"]);
        Assert.Contains(poison.Email, deadLetter.Body);

        // Each delivery runs the handler once, and once more alone when the poison spoiled the batch it came in.
        Assert.InRange(UserRegisteredHandler.Attempts[poison.Id], MaxAttempts, 2 * MaxAttempts);
        Assert.Contains(healthy, e => UserRegisteredHandler.Attempts[e.Id] == 2); // rolled back with the poison's batch, then alone
        Assert.Equal(0u, await broker.CountAsync(service, cancellation));
        Assert.Equal(0u, await broker.CountAsync($"{service}.retry", cancellation));
        Assert.Equal(MaxAttempts - 1, metrics.Read("platform.eventbus.retried"));
        Assert.Equal(1, metrics.Read("platform.eventbus.dead_lettered"));
    }

    private sealed class UserRegisteredHandler(TestDbContext db) : IIntegrationEventHandler<UserRegistered>
    {
        public const string PoisonName = "poison";
        public const string PoisonMessage = "This user cannot be welcomed.";

        public static ConcurrentDictionary<Guid, int> Attempts { get; } = new();

        public Task HandleAsync(UserRegistered @event, CancellationToken cancellationToken)
        {
            Attempts.AddOrUpdate(@event.Id, 1, (_, attempts) => attempts + 1);
            db.HandledEvents.Add(new HandledEvent { EventId = @event.Id, Handler = nameof(UserRegisteredHandler), HandledAt = DateTimeOffset.UtcNow });
            return @event.Username == PoisonName ? throw new InvalidOperationException(PoisonMessage) : Task.CompletedTask;
        }
    }
}
