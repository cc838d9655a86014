using Platform.Contracts;
using Platform.EventBus;
using Platform.Orders.Data;
using Platform.Orders.Ordering;
using Platform.Orders.Payments;

namespace Platform.Orders.Events;

/// <summary>
/// Stock is reserved: charge the card and confirm the order, or cancel it if the card is declined (products then
/// releases the stock). An order no longer Pending (cancelled by the customer or the deadline) is left alone:
/// products releases a late reservation when it sees the OrderCancelled already published.
/// </summary>
public sealed class ConfirmOrder(OrderStatusChanges changes, IPaymentProvider payments, ILogger<ConfirmOrder> logger)
    : IIntegrationEventHandler<StockReserved>
{
    public async Task HandleAsync(StockReserved @event, CancellationToken cancellationToken)
    {
        // The lock makes a concurrent customer cancel wait until this order is charged and confirmed (or not).
        if (await changes.LockAsync(@event.OrderId, cancellationToken) is not { Status: OrderStatus.Pending } order)
        {
            logger.LogInformation("Stock reserved for order {OrderId}, which is not pending: nothing to do", @event.OrderId);
            return;
        }
        // The order id is the charge's idempotency key: a retry of this handler never charges twice.
        var charge = await payments.ChargeAsync(order.PaymentToken, order.Total, order.Id.ToString(), cancellationToken);
        if (charge.Succeeded)
        {
            await changes.ConfirmAsync(order, charge.ChargeId!, cancellationToken);
        }
        else
        {
            await changes.CancelAsync(order, CancelReason.PaymentDeclined, $"Payment declined: {charge.DeclineReason}", cancellationToken);
        }
    }
}
