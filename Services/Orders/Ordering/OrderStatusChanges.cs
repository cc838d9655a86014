using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.EventBus;
using Platform.Orders.Data;

namespace Platform.Orders.Ordering;

/// <summary>
/// Moves orders out of Pending, one at a time under a row lock (<c>SELECT … FOR UPDATE</c>), so the saga's
/// handlers, a customer's cancel and the deadline never act on the same order at once, across replicas. Runs in
/// the caller's transaction; the caller saves, and the events go out through the outbox with the change.
/// </summary>
public sealed class OrderStatusChanges(
    OrdersDbContext db, IEventBus events, OrderMetrics metrics, TimeProvider time, ILogger<OrderStatusChanges> logger)
{
    /// <summary>Locks the order's row until the transaction ends and loads it with its lines and history.</summary>
    public async Task<Order?> LockAsync(Guid orderId, CancellationToken cancellationToken)
    {
        var locked = await db.Database.SqlQuery<Guid>($"SELECT id AS \"Value\" FROM orders WHERE id = {orderId} FOR UPDATE")
            .ToListAsync(cancellationToken);
        return locked.Count == 0 ? null : await LoadAsync(orderId, cancellationToken);
    }

    /// <summary>
    /// Loads the order with its lines and history in one joined statement rather than one per collection: an
    /// order has at most <see cref="Carts.CartLine.MaxLines"/> lines and a few history entries, so the join stays small.
    /// </summary>
    public Task<Order?> LoadAsync(Guid orderId, CancellationToken cancellationToken) =>
        WithLinesAndHistory.SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken);

    /// <summary>Reads the order as <see cref="LoadAsync"/> loads it, to show rather than change (not tracked).</summary>
    public Task<Order?> ReadAsync(Guid orderId, CancellationToken cancellationToken) =>
        WithLinesAndHistory.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken);

    private IQueryable<Order> WithLinesAndHistory => db.Orders.Include(o => o.Items).Include(o => o.History).AsSingleQuery();

    /// <returns>false when the order was no longer Pending (nothing changed).</returns>
    public async Task<bool> ConfirmAsync(Order order, string chargeId, CancellationToken cancellationToken)
    {
        if (!order.Confirm(chargeId, time.GetUtcNow()))
        {
            return false;
        }
        await events.PublishAsync(new OrderConfirmed(order.Id, order.UserId, order.Total), cancellationToken);
        metrics.Confirmed();
        logger.LogInformation("Order {OrderId} confirmed: {Total} charged ({ChargeId})", order.Id, order.Total, chargeId);
        return true;
    }

    /// <returns>false when the order was no longer Pending (nothing changed).</returns>
    public async Task<bool> CancelAsync(Order order, CancelReason kind, string reason, CancellationToken cancellationToken)
    {
        if (!order.Cancel(reason, time.GetUtcNow()))
        {
            return false;
        }
        // The lines let products put back what it reserved for this order (it releases only a reservation it made).
        var lines = order.Items.Select(i => new OrderLine(i.ProductId, i.Quantity, i.UnitPrice)).ToList();
        await events.PublishAsync(new OrderCancelled(order.Id, order.UserId, lines, reason), cancellationToken);
        metrics.Cancelled(kind);
        logger.LogInformation("Order {OrderId} cancelled ({CancelReason}): {Reason}", order.Id, kind, reason);
        return true;
    }
}
