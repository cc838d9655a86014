using Platform.Hosting.ApplicationModel;
using Platform.Hosting.Orchestration;

namespace Platform.Hosting.Testing;

/// <summary>What a test needs from a running application, with timeouts that fail with diagnostics.</summary>
public static class DistributedApplicationTestingExtensions
{
    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromMinutes(2);

    /// <summary>An HttpClient whose base address is an HTTP endpoint of a resource (one replica of it).</summary>
    public static HttpClient CreateHttpClient(this DistributedApplication app, string resourceName, string endpointName = "http", int replica = 0) =>
        new() { BaseAddress = new Uri(app.Model.GetResource(resourceName).GetEndpoint(endpointName).GetUrl(replica)) };

    public static Task<string> GetConnectionStringAsync(this DistributedApplication app, string resourceName, CancellationToken cancellationToken = default) =>
        Task.FromResult(app.Model.GetResource(resourceName) is IResourceWithConnectionString resource
            ? resource.GetConnectionString()
            : throw new ArgumentException($"Resource '{resourceName}' has no connection string.", nameof(resourceName)));

    /// <summary>Waits until the resource is running and healthy; on time-out or failure, says why with its last log lines.</summary>
    public static async Task<ResourceSnapshot> WaitForResourceHealthyAsync(
        this DistributedApplication app, string resourceName, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var snapshot = await app.WaitForResourceAsync(resourceName, s => s.IsHealthy || s.IsTerminal, "healthy", timeout, cancellationToken);
        return snapshot.IsHealthy ? snapshot : throw Diagnose(app, resourceName, $"Resource '{resourceName}' will not become healthy");
    }

    public static Task<ResourceSnapshot> WaitForResourceAsync(
        this DistributedApplication app, string resourceName, ResourceState state, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        app.WaitForResourceAsync(resourceName, s => s.State == state, state.ToString(), timeout, cancellationToken);

    public static async Task<ResourceSnapshot> WaitForResourceAsync(
        this DistributedApplication app, string resourceName, Func<ResourceSnapshot, bool> predicate, string description,
        TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var limit = timeout ?? DefaultTimeout;
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(limit);
        try
        {
            return await app.ResourceNotifications.WaitForResourceAsync(resourceName, predicate, timeoutSource.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw Diagnose(app, resourceName, $"Timed out after {limit.TotalSeconds:0} s waiting for '{resourceName}' to be {description}");
        }
    }

    private static TimeoutException Diagnose(DistributedApplication app, string resourceName, string problem)
    {
        var involved = app.Model.GetResource(resourceName).GetDependencies().Select(d => d.Name).Prepend(resourceName);
        var details = involved.Select(name =>
            $"{app.ResourceNotifications.GetSnapshot(name)}{Environment.NewLine}  last lines of '{name}':{Environment.NewLine}{app.ResourceLogs.GetRecentLines(name)}");
        return new TimeoutException($"{problem}.{Environment.NewLine}{string.Join(Environment.NewLine, details)}");
    }
}
