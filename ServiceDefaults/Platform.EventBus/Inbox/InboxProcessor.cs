using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.Contracts;

namespace Platform.EventBus;

/// <summary>Runs an event's handlers at most once per consumer, in one transaction with the inbox entry.</summary>
internal interface IInboxProcessor
{
    /// <returns><see langword="false"/> when this consumer had handled the event already (nothing ran).</returns>
    Task<bool> ProcessAsync(EventHandlerRegistration registration, IntegrationEvent @event, CancellationToken cancellationToken);
}

internal sealed class InboxProcessor<TContext>(IServiceScopeFactory scopes, IOptions<EventBusOptions> options, TimeProvider time) : IInboxProcessor
    where TContext : DbContext
{
    // Inserting first takes the key's lock: a concurrent delivery of the same event (another replica) waits
    // here until the first commits, then inserts nothing and is acknowledged as a duplicate.
    private const string ClaimSql =
        $"INSERT INTO {EventBusTables.Inbox} ({EventBusTables.InboxColumns.EventId}, {EventBusTables.InboxColumns.Consumer}, " +
        $"{EventBusTables.InboxColumns.EventName}, {EventBusTables.InboxColumns.ProcessedAt}) VALUES ({{0}}, {{1}}, {{2}}, {{3}}) ON CONFLICT DO NOTHING";

    public async Task<bool> ProcessAsync(EventHandlerRegistration registration, IntegrationEvent @event, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            var claimed = await db.Database.ExecuteSqlRawAsync(
                ClaimSql, [@event.Id, options.Value.ServiceName, registration.EventName, time.GetUtcNow()], token);
            if (claimed == 0)
            {
                return false;
            }
            await registration.HandleAsync(scope.ServiceProvider, @event, token);
            await db.SaveChangesAsync(token);
            await transaction.CommitAsync(token);
            return true;
        }, cancellationToken);
    }
}
