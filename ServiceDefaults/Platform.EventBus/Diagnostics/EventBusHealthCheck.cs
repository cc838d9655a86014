using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.EventBus;

/// <summary>Healthy while the broker connection is open and, for a service that handles events, its consumer runs.</summary>
internal sealed class EventBusHealthCheck(BrokerConnection broker, EventConsumer consumer) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        HealthCheckResult result;
        try
        {
            result = !broker.Connection.IsOpen ? HealthCheckResult.Unhealthy("The connection to RabbitMQ is closed.")
                : consumer.IsRequired && !consumer.IsConsuming ? HealthCheckResult.Unhealthy("The event consumer is not running.")
                : HealthCheckResult.Healthy();
        }
        catch (Exception exception)
        {
            result = HealthCheckResult.Unhealthy("No connection to RabbitMQ.", exception);
        }
        return Task.FromResult(result);
    }
}
