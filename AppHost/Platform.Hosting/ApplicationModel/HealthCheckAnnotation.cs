using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.Hosting.ApplicationModel;

/// <summary>A health check the orchestrator runs against each running replica of a resource.</summary>
public sealed class HealthCheckAnnotation(IResourceHealthCheck check) : IResourceAnnotation
{
    public IResourceHealthCheck Check { get; } = check;
}

public interface IResourceHealthCheck
{
    /// <summary>Checks one replica; a thrown exception counts as unhealthy.</summary>
    Task<HealthCheckResult> CheckAsync(int replicaIndex, CancellationToken cancellationToken);
}
