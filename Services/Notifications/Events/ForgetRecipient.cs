using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.EventBus;
using Platform.Notifications.Data;

namespace Platform.Notifications.Events;

/// <summary>A deleted account leaves nothing behind here: neither its address nor its notifications.</summary>
public sealed class ForgetRecipient(NotificationsDbContext db) : IIntegrationEventHandler<UserDeleted>
{
    public async Task HandleAsync(UserDeleted @event, CancellationToken cancellationToken)
    {
        await db.Notifications.Where(n => n.UserId == @event.UserId).ExecuteDeleteAsync(cancellationToken);
        await db.Recipients.Where(r => r.UserId == @event.UserId).ExecuteDeleteAsync(cancellationToken);
    }
}
