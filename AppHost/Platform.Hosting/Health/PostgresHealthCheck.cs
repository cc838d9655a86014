using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using Platform.Hosting.ApplicationModel;

namespace Platform.Hosting.Health;

/// <summary>Logs in with the password over TCP and runs a query, on the server or one of its databases.</summary>
internal sealed class PostgresHealthCheck(IResourceWithConnectionString resource) : IResourceHealthCheck
{
    public async Task<HealthCheckResult> CheckAsync(int replicaIndex, CancellationToken cancellationToken)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(resource.GetConnectionString()) { Pooling = false, Timeout = 5 }.ConnectionString;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT 1", connection);
        await command.ExecuteScalarAsync(cancellationToken);
        return HealthCheckResult.Healthy();
    }
}
