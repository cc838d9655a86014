using Platform.Contracts;
using Platform.EventBus;
using Platform.Notifications.Data;

namespace Platform.Notifications.Events;

public sealed class NotifyOrderCancelled(NotificationWriter notifications) : IIntegrationEventHandler<OrderCancelled>
{
    public Task HandleAsync(OrderCancelled @event, CancellationToken cancellationToken) =>
        notifications.AddAsync(
            @event.UserId, @event.Id, NotificationKinds.OrderCancelled,
            $"Order {OrderText.ShortId(@event.OrderId)} cancelled",
            $"Your order {OrderText.ShortId(@event.OrderId)} was cancelled. Reason: {(string.IsNullOrWhiteSpace(@event.Reason) ? "not given" : @event.Reason.Trim())}.",
            @event.OrderId, cancellationToken);
}
