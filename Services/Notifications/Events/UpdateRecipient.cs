using Platform.Contracts;
using Platform.EventBus;
using Platform.Notifications.Data;

namespace Platform.Notifications.Events;

/// <summary>Mail goes to the user's current address after they change it.</summary>
public sealed class UpdateRecipient(NotificationsDbContext db) : IIntegrationEventHandler<UserUpdated>
{
    public Task HandleAsync(UserUpdated @event, CancellationToken cancellationToken) =>
        db.RememberAsync(@event.UserId, @event.Username, @event.Email, @event.OccurredAt, cancellationToken);
}
