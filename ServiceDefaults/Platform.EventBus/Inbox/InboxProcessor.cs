using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.Contracts;

namespace Platform.EventBus;

/// <summary>An event to run through the inbox; its handlers run under <paramref name="Activity"/>, the span of its delivery.</summary>
internal sealed record InboxItem(EventHandlerRegistration Registration, IntegrationEvent Event, Activity? Activity);

/// <summary>Runs events' handlers at most once per consumer, in one transaction with their inbox entries.</summary>
internal interface IInboxProcessor
{
    /// <summary>
    /// Handles the items in order, in one DI scope and one transaction: all of them commit, or none does and the
    /// first failure escapes. Each handler's changes are saved before the next one runs, so it sees them.
    /// </summary>
    /// <returns>For each item, <see langword="false"/> when this consumer had handled its event already (nothing ran).</returns>
    Task<bool[]> ProcessAsync(IReadOnlyList<InboxItem> items, CancellationToken cancellationToken);
}

internal sealed class InboxProcessor<TContext>(IServiceScopeFactory scopes, IOptions<EventBusOptions> options, TimeProvider time) : IInboxProcessor
    where TContext : DbContext
{
    // Inserting first takes the keys' locks: a concurrent delivery of the same event (another replica) waits
    // here until the first commits, then inserts nothing and is acknowledged as a duplicate. One statement
    // claims the whole batch; RETURNING names the events that were new.
    private const string ClaimSql =
        $"INSERT INTO {EventBusTables.Inbox} ({EventBusTables.InboxColumns.EventId}, {EventBusTables.InboxColumns.Consumer}, " +
        $"{EventBusTables.InboxColumns.EventName}, {EventBusTables.InboxColumns.ProcessedAt}) " +
        "SELECT claimed.id, {0}, claimed.name, {1} FROM unnest({2}, {3}) AS claimed(id, name) " +
        $"ON CONFLICT DO NOTHING RETURNING {EventBusTables.InboxColumns.EventId} AS \"Value\"";

    public async Task<bool[]> ProcessAsync(IReadOnlyList<InboxItem> items, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var ids = items.Select(item => item.Event.Id).ToArray();
        var names = items.Select(item => item.Registration.EventName).ToArray();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            var claimed = (await db.Database
                .SqlQueryRaw<Guid>(ClaimSql, options.Value.ServiceName, time.GetUtcNow(), ids, names)
                .ToListAsync(token)).ToHashSet();
            var handled = new bool[items.Count];
            for (var i = 0; i < items.Count; i++)
            {
                // Remove, so a second copy of one event within the batch counts as the duplicate it is.
                if (handled[i] = claimed.Remove(items[i].Event.Id))
                {
                    await HandleAsync(items[i], scope.ServiceProvider, token);
                    await db.SaveChangesAsync(token);
                }
            }
            await transaction.CommitAsync(token);
            return handled;
        }, cancellationToken);
    }

    private static async Task HandleAsync(InboxItem item, IServiceProvider services, CancellationToken cancellationToken)
    {
        var outer = Activity.Current;
        Activity.Current = item.Activity ?? outer;
        try
        {
            await item.Registration.HandleAsync(services, item.Event, cancellationToken);
        }
        finally
        {
            Activity.Current = outer;
        }
    }
}
