using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.ServiceDefaults.Clients;

/// <summary>Runs <c>SELECT 1</c> on the context's database.</summary>
internal sealed class DbContextHealthCheck<TContext>(TContext context) : IHealthCheck where TContext : DbContext
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext healthCheck, CancellationToken cancellationToken = default)
    {
        // On the connection itself rather than through EF's retrying execution strategy: a probe must answer quickly.
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        finally
        {
            await connection.CloseAsync();
        }
    }
}
