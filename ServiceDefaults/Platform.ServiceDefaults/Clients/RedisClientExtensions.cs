using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.ServiceDefaults.Clients;
using StackExchange.Redis;

namespace Microsoft.Extensions.Hosting;

public static class RedisClientExtensions
{
    /// <summary>
    /// Registers one shared <see cref="IConnectionMultiplexer"/> from <c>ConnectionStrings:&lt;connectionName&gt;</c>
    /// (as Aspire.StackExchange.Redis does) and a PING health check named <paramref name="connectionName"/>.
    /// The multiplexer never aborts on a failed connect: it keeps reconnecting while Redis is down.
    /// </summary>
    /// <param name="healthCheckFailureStatus">
    /// What the health check reports while Redis is down: <see cref="HealthStatus.Degraded"/> for a cache the service
    /// works without, <see cref="HealthStatus.Unhealthy"/> (the default) when it needs Redis.
    /// </param>
    public static void AddRedisClient(
        this IHostApplicationBuilder builder, string connectionName, HealthStatus healthCheckFailureStatus = HealthStatus.Unhealthy)
    {
        var options = ConfigurationOptions.Parse(ClientIntegration.GetRequiredConnectionString(builder, connectionName));
        options.AbortOnConnectFail = false;
        builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        builder.Services.AddHealthChecks()
            .AddCheck<RedisHealthCheck>(connectionName, healthCheckFailureStatus, timeout: ClientIntegration.HealthCheckTimeout);
    }
}
