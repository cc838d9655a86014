using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.ServiceDefaults.Clients;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

public static class NpgsqlDbContextExtensions
{
    /// <summary>
    /// Registers a pooled <typeparamref name="TContext"/> on PostgreSQL from <c>ConnectionStrings:&lt;connectionName&gt;</c>,
    /// retrying transient failures, with a health check named <paramref name="connectionName"/> and Npgsql's and
    /// EF Core's telemetry (as Aspire.Npgsql.EntityFrameworkCore.PostgreSQL does).
    /// </summary>
    public static void AddNpgsqlDbContext<TContext>(
        this IHostApplicationBuilder builder, string connectionName, Action<DbContextOptionsBuilder>? configureDbContextOptions = null)
        where TContext : DbContext
    {
        var connectionString = ClientIntegration.GetRequiredConnectionString(builder, connectionName);
        builder.Services.AddDbContextPool<TContext>(options =>
        {
            options.UseNpgsql(connectionString, npgsql => npgsql.EnableRetryOnFailure());
            configureDbContextOptions?.Invoke(options);
        });
        builder.Services.AddHealthChecks()
            .AddCheck<DbContextHealthCheck<TContext>>(connectionName, timeout: ClientIntegration.HealthCheckTimeout);
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddSource("Npgsql"));
        builder.Services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddMeter("Npgsql", "Microsoft.EntityFrameworkCore"));
    }
}
