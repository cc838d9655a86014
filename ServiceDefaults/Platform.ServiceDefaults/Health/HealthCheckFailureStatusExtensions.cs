using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.Hosting;

public static class HealthCheckFailureStatusExtensions
{
    /// <summary>
    /// Makes a failure of the health check named <paramref name="name"/> report <paramref name="failureStatus"/>
    /// instead of Unhealthy: Degraded for a dependency the service works without, such as a cache. Meant for the checks
    /// Aspire's client integrations register, which offer no failure status of their own.
    /// </summary>
    public static TBuilder SetHealthCheckFailureStatus<TBuilder>(this TBuilder builder, string name, HealthStatus failureStatus)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.PostConfigure<HealthCheckServiceOptions>(options =>
        {
            var registration = options.Registrations.SingleOrDefault(r => r.Name == name)
                ?? throw new InvalidOperationException($"No health check named '{name}' is registered.");
            registration.FailureStatus = failureStatus;
        });
        return builder;
    }
}
