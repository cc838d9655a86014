using System.Text.Json;
using StackExchange.Redis;

namespace Platform.Products.Catalog;

/// <summary>
/// Cache-aside for catalog reads in Redis. Every key embeds the catalog version, and every change bumps it, so
/// no replica serves data older than the last committed change, and a read that raced a write can only fill a
/// key of the old version. Redis failures never fail a request: reads fall through to PostgreSQL.
/// </summary>
public sealed class CatalogCache(IConnectionMultiplexer redis, ILogger<CatalogCache> logger)
{
    private const string VersionKey = "products:catalog-version";
    private static readonly TimeSpan TimeToLive = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan OperationTimeout = TimeSpan.FromMilliseconds(500);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private int _unavailable;

    /// <summary>The cached value of <paramref name="key"/>, else <paramref name="load"/>'s result, cached unless it is null.</summary>
    public async Task<T?> GetOrLoadAsync<T>(string key, Func<Task<T?>> load) where T : class
    {
        var version = await TryAsync(db => db.StringGetAsync(VersionKey));
        if (version is not { } versionValue)
        {
            return await load();
        }
        var versionedKey = $"products:v{(versionValue.IsNull ? "0" : versionValue.ToString())}:{key}";
        var cached = await TryAsync(db => db.StringGetAsync(versionedKey));
        if (cached is { IsNull: false } hit)
        {
            return JsonSerializer.Deserialize<T>(hit.ToString(), Json);
        }
        var value = await load();
        if (value is not null && cached is not null)
        {
            await TryAsync(db => db.StringSetAsync(versionedKey, JsonSerializer.Serialize(value, Json), TimeToLive));
        }
        return value;
    }

    /// <summary>Makes every cached read stale; call after a change has committed.</summary>
    public Task InvalidateAsync() => TryAsync(db => db.StringIncrementAsync(VersionKey));

    private async Task<T?> TryAsync<T>(Func<IDatabase, Task<T>> command) where T : struct
    {
        try
        {
            var result = await command(redis.GetDatabase()).WaitAsync(OperationTimeout);
            if (Interlocked.Exchange(ref _unavailable, 0) == 1)
            {
                logger.LogInformation("Redis answers again; catalog reads are cached again.");
            }
            return result;
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException or ObjectDisposedException)
        {
            // Once per outage as a warning, then at debug level, so a Redis outage does not flood the logs.
            if (Interlocked.Exchange(ref _unavailable, 1) == 0)
            {
                logger.LogWarning(exception, "Redis is unavailable; serving the catalog from PostgreSQL without the cache.");
            }
            else
            {
                logger.LogDebug("Redis still unavailable: {Message}", exception.Message);
            }
            return null;
        }
    }
}
