using System.Buffers.Binary;
using System.Text.Json;
using StackExchange.Redis;

namespace Platform.Products.Catalog;

/// <summary>
/// Cache-aside for catalog reads in Redis, holding the JSON the endpoints answer. Every change bumps the catalog
/// version, and every entry records the version it was loaded at: a read fetches both in one MGET and uses the
/// entry only if the versions match. So no replica serves data older than the last committed change, and a read
/// that raced a write can only store an entry of the old version, which the next read ignores. Redis failures
/// never fail a request: reads fall through to PostgreSQL.
/// </summary>
public sealed class CatalogCache(IConnectionMultiplexer redis, ILogger<CatalogCache> logger)
{
    private const string VersionKey = "products:catalog-version";
    private const int VersionLength = sizeof(long);
    private static readonly TimeSpan TimeToLive = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan OperationTimeout = TimeSpan.FromMilliseconds(500);

    /// <summary>How cached values are written, and so how to read one back.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    private int _unavailable;

    /// <summary>
    /// The UTF-8 JSON of <paramref name="key"/>'s value: cached, else <paramref name="load"/>'s result serialized
    /// and cached. Null when <paramref name="load"/> finds nothing; that is not cached.
    /// </summary>
    public async Task<ReadOnlyMemory<byte>?> GetOrLoadJsonAsync<T>(string key, Func<Task<T?>> load) where T : class
    {
        var entryKey = new RedisKey($"products:{key}");
        var (answered, values) = await TryAsync(db => db.StringGetAsync([VersionKey, entryKey]));
        var version = answered && values[0].TryParse(out long current) ? current : 0;
        if (answered && (byte[]?)values[1] is { Length: >= VersionLength } entry
            && BinaryPrimitives.ReadInt64LittleEndian(entry) == version)
        {
            return entry.AsMemory(VersionLength);
        }
        if (await load() is not { } value)
        {
            return null;
        }
        var json = JsonSerializer.SerializeToUtf8Bytes(value, Json);
        if (answered)
        {
            var stored = new byte[VersionLength + json.Length];
            BinaryPrimitives.WriteInt64LittleEndian(stored, version);
            json.CopyTo(stored, VersionLength);
            await TryAsync(db => db.StringSetAsync(entryKey, stored, TimeToLive));
        }
        return json;
    }

    /// <summary>Makes every cached read stale; call after a change has committed.</summary>
    public async Task InvalidateAsync() => await TryAsync(db => db.StringIncrementAsync(VersionKey));

    private async Task<(bool Answered, T Result)> TryAsync<T>(Func<IDatabase, Task<T>> command)
    {
        try
        {
            var result = await command(redis.GetDatabase()).WaitAsync(OperationTimeout);
            if (Interlocked.Exchange(ref _unavailable, 0) == 1)
            {
                logger.LogInformation("Redis answers again; catalog reads are cached again.");
            }
            return (true, result);
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
            return (false, default!);
        }
    }
}
