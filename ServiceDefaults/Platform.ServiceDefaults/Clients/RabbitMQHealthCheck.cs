using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;

namespace Platform.ServiceDefaults.Clients;

/// <summary>Healthy while the shared connection is open; resolving it lazily lets a broker that was down at start-up be retried.</summary>
internal sealed class RabbitMQHealthCheck(IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var connection = services.GetRequiredService<IConnection>();
        return Task.FromResult(connection.IsOpen
            ? HealthCheckResult.Healthy($"Connected to {connection.Endpoint}")
            : new HealthCheckResult(context.Registration.FailureStatus, $"Connection closed: {connection.CloseReason?.ReplyText}"));
    }
}
