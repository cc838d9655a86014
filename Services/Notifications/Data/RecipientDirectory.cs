using Microsoft.EntityFrameworkCore;

namespace Platform.Notifications.Data;

/// <summary>This service's copy of each user's name and address, kept from the users service's events.</summary>
public static class RecipientDirectory
{
    /// <summary>
    /// Inserts or updates the recipient as of <paramref name="asOf"/> (the event's time), so an older event that
    /// arrives late (a retried UserRegistered after a UserUpdated) never overwrites a newer address.
    /// </summary>
    public static Task RememberAsync(this NotificationsDbContext db, Guid userId, string username, string email, DateTimeOffset asOf, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO recipients (user_id, username, email, updated_at)
            VALUES ({userId}, {username}, {email}, {asOf})
            ON CONFLICT (user_id) DO UPDATE SET username = excluded.username, email = excluded.email, updated_at = excluded.updated_at
            WHERE recipients.updated_at <= excluded.updated_at
            """,
            cancellationToken);
}
