using StackExchange.Redis;

namespace Platform.Orders.Carts;

/// <summary>
/// Carts in Redis, one hash per user (<c>cart:{userId}</c>, field = product id, value = quantity), expiring
/// <see cref="CartRules.Expiry"/> after the last read or write.
/// </summary>
public sealed class CartStore(IConnectionMultiplexer redis)
{
    // Adds or changes one line, refusing a new line beyond the limit, atomically with the expiry renewal.
    private const string SetLineScript = """
        if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 and redis.call('HLEN', KEYS[1]) >= tonumber(ARGV[3]) then
            return 0
        end
        redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
        redis.call('EXPIRE', KEYS[1], ARGV[4])
        return 1
        """;

    private IDatabase Database => redis.GetDatabase();

    public static string KeyOf(Guid userId) => $"cart:{userId}";

    public async Task<IReadOnlyList<CartLine>> GetAsync(Guid userId)
    {
        var key = KeyOf(userId);
        var batch = Database.CreateBatch();
        var entries = batch.HashGetAllAsync(key);
        var renewed = batch.KeyExpireAsync(key, CartRules.Expiry);
        batch.Execute();
        await Task.WhenAll(entries, renewed);
        return entries.Result.Select(e => new CartLine(Guid.Parse((string)e.Name!), (int)e.Value)).ToList();
    }

    public async Task ReplaceAsync(Guid userId, IReadOnlyList<CartLine> lines)
    {
        var key = KeyOf(userId);
        var transaction = Database.CreateTransaction();
        _ = transaction.KeyDeleteAsync(key);
        if (lines.Count > 0)
        {
            _ = transaction.HashSetAsync(key, lines.Select(l => new HashEntry(l.ProductId.ToString(), l.Quantity)).ToArray());
            _ = transaction.KeyExpireAsync(key, CartRules.Expiry);
        }
        await transaction.ExecuteAsync();
    }

    /// <returns>false when the line is new and the cart already has <see cref="CartRules.MaxLines"/> lines.</returns>
    public async Task<bool> SetLineAsync(Guid userId, CartLine line)
    {
        var result = await Database.ScriptEvaluateAsync(SetLineScript, [KeyOf(userId)],
            [line.ProductId.ToString(), line.Quantity, CartRules.MaxLines, (long)CartRules.Expiry.TotalSeconds]);
        return (int)result == 1;
    }

    public async Task RemoveLineAsync(Guid userId, Guid productId)
    {
        var key = KeyOf(userId);
        var batch = Database.CreateBatch();
        var removed = batch.HashDeleteAsync(key, productId.ToString());
        var renewed = batch.KeyExpireAsync(key, CartRules.Expiry);
        batch.Execute();
        await Task.WhenAll(removed, renewed);
    }

    public Task ClearAsync(Guid userId) => Database.KeyDeleteAsync(KeyOf(userId));
}
