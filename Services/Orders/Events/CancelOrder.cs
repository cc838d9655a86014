using Platform.Contracts;
using Platform.EventBus;
using Platform.Orders.Ordering;

namespace Platform.Orders.Events;

/// <summary>Stock could not be reserved: cancel the order, naming the products that were short.</summary>
public sealed class CancelOrder(OrderStatusChanges changes) : IIntegrationEventHandler<StockRejected>
{
    public async Task HandleAsync(StockRejected @event, CancellationToken cancellationToken)
    {
        if (await changes.LockAsync(@event.OrderId, cancellationToken) is not { } order)
        {
            return;
        }
        var names = order.Items.Where(i => @event.UnavailableProductIds.Contains(i.ProductId)).Select(i => i.Name).ToList();
        var reason = names.Count > 0 ? $"Out of stock: {string.Join(", ", names)}" : $"Out of stock: {@event.Reason}";
        await changes.CancelAsync(order, CancelReason.OutOfStock, reason, cancellationToken);
    }
}
