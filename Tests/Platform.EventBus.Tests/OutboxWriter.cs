using Microsoft.Extensions.Options;

namespace Platform.EventBus.Tests;

/// <summary>Writes events into another process's outbox (its database), as that service's own code would.</summary>
internal static class OutboxWriter
{
    public static async Task PublishAsync(TestDbContext db, IEnumerable<IntegrationEvent> events, CancellationToken cancellationToken)
    {
        var bus = new OutboxEventBus<TestDbContext>(db, Options.Create(new EventBusOptions()), TimeProvider.System);
        foreach (var @event in events)
        {
            await bus.PublishAsync(@event, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
