using Aspire.Hosting;
using Aspire.Hosting.Testing;

namespace Platform.Testing;

public static class ConnectionStrings
{
    /// <summary>The connection string a resource gives its references; fails naming the resource when it has none.</summary>
    public static async Task<string> GetRequiredConnectionStringAsync(this DistributedApplication app, string resourceName, CancellationToken cancellationToken = default) =>
        await app.GetConnectionStringAsync(resourceName, cancellationToken)
            ?? throw new InvalidOperationException($"Resource '{resourceName}' has no connection string.");
}
