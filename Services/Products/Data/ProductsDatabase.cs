using Microsoft.EntityFrameworkCore;

namespace Platform.Products.Data;

public static class ProductsDatabase
{
    /// <summary>An arbitrary application-wide key for PostgreSQL's advisory lock: "products" in ASCII.</summary>
    private const long MigrationLockKey = 0x70726f6475637473;

    /// <summary>
    /// Applies the migrations (which also seed the catalog) at start-up. Replicas starting together take turns
    /// through a session-level advisory lock, so only the first one migrates and seeds.
    /// </summary>
    public static async Task MigrateProductsDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProductsDbContext>();
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
