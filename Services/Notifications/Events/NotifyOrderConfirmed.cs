using Platform.Contracts;
using Platform.EventBus;
using Platform.Notifications.Data;

namespace Platform.Notifications.Events;

public sealed class NotifyOrderConfirmed(NotificationWriter notifications) : IIntegrationEventHandler<OrderConfirmed>
{
    public Task HandleAsync(OrderConfirmed @event, CancellationToken cancellationToken) =>
        notifications.AddAsync(
            @event.UserId, @event.Id, NotificationKinds.OrderConfirmed,
            $"Order {OrderText.ShortId(@event.OrderId)} confirmed",
            $"Your order {OrderText.ShortId(@event.OrderId)} is confirmed. Total: {OrderText.Amount(@event.Total)}. We will ship it soon.",
            @event.OrderId, cancellationToken);
}
