using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using Platform.Orders.Data;

namespace Platform.Orders.Ordering;

/// <summary>
/// Cancels orders still Pending after <see cref="OrdersOptions.PendingTimeout"/> ("Timed out"), publishing
/// OrderCancelled so products releases anything it reserved. Replicas share the work safely: each claims
/// overdue orders with <c>FOR UPDATE SKIP LOCKED</c>, so an order is cancelled once, and one being confirmed
/// right now (locked by the saga) is skipped and finds itself no longer Pending next time.
/// </summary>
public sealed class PendingOrderDeadline(
    IServiceScopeFactory scopes, IOptions<OrdersOptions> options, TimeProvider time, ILogger<PendingOrderDeadline> logger) : BackgroundService
{
    private const int BatchSize = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.DeadlineCheckInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                while (await CancelOverdueBatchAsync(stoppingToken) == BatchSize)
                {
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Cancelling overdue orders failed; trying again in {Interval}", options.Value.DeadlineCheckInterval);
            }
        }
    }

    private async Task<int> CancelOverdueBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
        var changes = scope.ServiceProvider.GetRequiredService<OrderStatusChanges>();
        var cutoff = time.GetUtcNow() - options.Value.PendingTimeout;
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            List<Guid> overdue;
            // The check runs every interval, with no request around it: traced, each would be a trace of its own.
            using (SuppressInstrumentationScope.Begin())
            {
                overdue = await db.Database.SqlQuery<Guid>($"""
                    SELECT id AS "Value" FROM orders WHERE status = 'Pending' AND created_at < {cutoff}
                    ORDER BY created_at LIMIT {BatchSize} FOR UPDATE SKIP LOCKED
                    """).ToListAsync(token);
            }
            foreach (var id in overdue)
            {
                if (await changes.LoadAsync(id, token) is { } order)
                {
                    await changes.CancelAsync(order, CancelReason.TimedOut, "Timed out", token);
                }
            }
            await db.SaveChangesAsync(token);
            await transaction.CommitAsync(token);
            if (overdue.Count > 0)
            {
                logger.LogInformation("Cancelled {Count} orders pending since before {Cutoff}", overdue.Count, cutoff);
            }
            return overdue.Count;
        }, cancellationToken);
    }
}
