using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.Hosting.ApplicationModel;
using StackExchange.Redis;

namespace Platform.Hosting.Health;

/// <summary>Authenticates with the password and sends PING.</summary>
internal sealed class RedisHealthCheck(RedisResource redis) : IResourceHealthCheck, IDisposable
{
    private ConnectionMultiplexer? _connection;

    public async Task<HealthCheckResult> CheckAsync(int replicaIndex, CancellationToken cancellationToken)
    {
        try
        {
            _connection ??= await ConnectionMultiplexer.ConnectAsync($"{redis.GetConnectionString()},connectTimeout=2000");
            await _connection.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        _connection?.Dispose();
        _connection = null;
    }
}
