using Microsoft.EntityFrameworkCore;

namespace Platform.Notifications.Data;

public static class NotificationsDatabase
{
    /// <summary>An arbitrary application-wide key for PostgreSQL's advisory lock: "notifics" in ASCII.</summary>
    private const long MigrationLockKey = 0x6e6f746966696373;

    /// <summary>Applies the migrations at start-up; replicas starting together take turns through an advisory lock.</summary>
    public static async Task MigrateNotificationsDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        await db.Database.OpenConnectionAsync();
        try
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_lock({0})", MigrationLockKey);
            await db.Database.MigrateAsync();
        }
        finally
        {
            // Closing the connection also releases the lock, should the unlock itself fail.
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_unlock({0})", MigrationLockKey);
            await db.Database.CloseConnectionAsync();
        }
    }
}
