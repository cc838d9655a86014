using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Platform.ServiceDefaults.Clients;

internal static class ClientIntegration
{
    /// <summary>How long a client integration's health check may take before it counts as failed.</summary>
    public static readonly TimeSpan HealthCheckTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The connection string <c>ConnectionStrings:&lt;name&gt;</c>; its absence stops the start-up with a message naming it.</summary>
    public static string GetRequiredConnectionString(IHostApplicationBuilder builder, string name) =>
        builder.Configuration.GetConnectionString(name) is { Length: > 0 } connectionString
            ? connectionString
            : throw new InvalidOperationException(
                $"Connection string 'ConnectionStrings:{name}' is missing: set it in configuration or as environment variable ConnectionStrings__{name}.");
}
