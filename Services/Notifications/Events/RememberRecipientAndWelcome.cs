using Platform.Contracts;
using Platform.EventBus;
using Platform.Notifications.Data;

namespace Platform.Notifications.Events;

/// <summary>Keeps (or refreshes) the user's address and welcomes them.</summary>
public sealed class RememberRecipientAndWelcome(NotificationsDbContext db, NotificationWriter notifications)
    : IIntegrationEventHandler<UserRegistered>
{
    public async Task HandleAsync(UserRegistered @event, CancellationToken cancellationToken)
    {
        await db.RememberAsync(@event.UserId, @event.Username, @event.Email, @event.OccurredAt, cancellationToken);
        await notifications.AddAsync(
            @event.UserId, @event.Id, NotificationKinds.Welcome,
            $"Welcome to Platform, {@event.Username}!",
            $"Hello {@event.Username}, your account is ready. Browse the catalog, fill your cart and we will keep you posted on every order here and by email.",
            orderId: null, cancellationToken);
    }
}
