using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.EventBus;
using Platform.Notifications.Data;

namespace Platform.Notifications.Events;

/// <summary>Keeps (or refreshes) the user's address and welcomes them.</summary>
public sealed class RememberRecipientAndWelcome(NotificationsDbContext db, NotificationWriter notifications, TimeProvider time)
    : IIntegrationEventHandler<UserRegistered>
{
    public async Task HandleAsync(UserRegistered @event, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO recipients (user_id, username, email, updated_at)
            VALUES ({@event.UserId}, {@event.Username}, {@event.Email}, {time.GetUtcNow()})
            ON CONFLICT (user_id) DO UPDATE SET username = excluded.username, email = excluded.email, updated_at = excluded.updated_at
            """,
            cancellationToken);
        await notifications.AddAsync(
            @event.UserId, @event.Id, NotificationKinds.Welcome,
            $"Welcome to Platform, {@event.Username}!",
            $"Hello {@event.Username}, your account is ready. Browse the catalog, fill your cart and we will keep you posted on every order here and by email.",
            orderId: null, cancellationToken);
    }
}
