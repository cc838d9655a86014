using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

public static class DbContextMigrationExtensions
{
    /// <summary>
    /// Applies <typeparamref name="TContext"/>'s migrations at start-up, as eShop's <c>AddMigration</c> does.
    /// Replicas starting together take turns through a PostgreSQL session-level advisory lock, so exactly one
    /// applies each migration (and any seed data a migration inserts).
    /// </summary>
    public static async Task MigrateDbContextAsync<TContext>(this IHost app, CancellationToken cancellationToken = default) where TContext : DbContext
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var lockKey = LockKey(typeof(TContext).FullName!);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_lock({0})", [lockKey], cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
        }
        finally
        {
            // Closing the connection also releases the lock, should the unlock itself fail.
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_unlock({0})", [lockKey], CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>A key stable across processes and runs (FNV-1a of the context's name; string.GetHashCode is randomized).</summary>
    private static long LockKey(string name)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(name))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }
        return unchecked((long)hash);
    }
}
