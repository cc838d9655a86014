using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.Hosting.ApplicationModel;
using RabbitMQ.Client;

namespace Platform.Hosting.Health;

/// <summary>Opens an AMQP connection with the broker's user and password.</summary>
internal sealed class RabbitMQHealthCheck(RabbitMQServerResource broker) : IResourceHealthCheck
{
    public async Task<HealthCheckResult> CheckAsync(int replicaIndex, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory
        {
            Uri = new Uri(broker.GetConnectionString()),
            AutomaticRecoveryEnabled = false,
            RequestedConnectionTimeout = TimeSpan.FromSeconds(5),
        };
        await using var connection = await factory.CreateConnectionAsync("platform-apphost-health", cancellationToken);
        await connection.CloseAsync(cancellationToken);
        return HealthCheckResult.Healthy();
    }
}
