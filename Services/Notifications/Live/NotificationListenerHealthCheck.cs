using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.Notifications.Live;

/// <summary>Degraded (not unhealthy) without the LISTEN connection: streams still deliver, at their 15 s heartbeat.</summary>
public sealed class NotificationListenerHealthCheck(NotificationListener listener) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(listener.IsListening
            ? HealthCheckResult.Healthy("Listening for new notifications.")
            : HealthCheckResult.Degraded("Not listening for new notifications; streams fall back to their periodic check."));
}
