using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.Testing;

/// <summary>Waits on the resources of a running application that fail naming the resource, its state and its last log lines.</summary>
public static class ResourceWaits
{
    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromMinutes(2);

    /// <summary>Waits until every replica of the resource is running and healthy; fails at once if one fails to start.</summary>
    public static Task WaitForResourceHealthyAsync(
        this DistributedApplication app, string resourceName, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        app.WaitForResourceAsync(resourceName, IsHealthy, "healthy", timeout, cancellationToken);

    /// <summary>Waits until every replica of the resource is in the given state (one of <see cref="KnownResourceStates"/>).</summary>
    public static Task WaitForResourceAsync(
        this DistributedApplication app, string resourceName, string state, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        app.WaitForResourceAsync(resourceName, snapshot => snapshot.State?.Text == state, state, timeout, cancellationToken);

    /// <summary>Waits until the snapshot of every replica of the resource satisfies <paramref name="predicate"/>.</summary>
    public static async Task WaitForResourceAsync(
        this DistributedApplication app, string resourceName, Func<CustomResourceSnapshot, bool> predicate, string description,
        TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ResourceLogs.Of(app); // collects logs and instances from now on, for the diagnosis of a failed wait
        var replicas = app.GetResource(resourceName).GetReplicaCount();
        var limit = timeout ?? DefaultTimeout;
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(limit);
        var instances = new Dictionary<string, CustomResourceSnapshot>();
        try
        {
            await foreach (var resourceEvent in app.ResourceNotifications.WatchAsync(timeoutSource.Token))
            {
                if (resourceEvent.Resource.Name != resourceName)
                {
                    continue;
                }
                instances[resourceEvent.ResourceId] = resourceEvent.Snapshot;
                if (predicate == IsHealthy && resourceEvent.Snapshot.State?.Text == KnownResourceStates.FailedToStart)
                {
                    throw Diagnose(app, resourceName, $"Resource '{resourceName}' failed to start");
                }
                if (instances.Values.Count(predicate) >= replicas)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
        throw Diagnose(app, resourceName, $"Timed out after {limit.TotalSeconds:0} s waiting for '{resourceName}' to be {description}");
    }

    /// <summary>Finished, exited or failed to start: the process is not running and will not be restarted by itself.</summary>
    public static bool IsTerminal(this CustomResourceSnapshot snapshot) =>
        snapshot.State?.Text is { } state && KnownResourceStates.TerminalStates.Contains(state);

    private static bool IsHealthy(CustomResourceSnapshot snapshot) =>
        snapshot.State?.Text == KnownResourceStates.Running && snapshot.HealthStatus == HealthStatus.Healthy;

    public static IResource GetResource(this DistributedApplication app, string resourceName) =>
        app.Services.GetRequiredService<DistributedApplicationModel>().Resources.SingleOrDefault(r => r.Name == resourceName)
            ?? throw new ArgumentException($"The application has no resource '{resourceName}'.", nameof(resourceName));

    private static TimeoutException Diagnose(DistributedApplication app, string resourceName, string problem)
    {
        var resource = app.GetResource(resourceName);
        var logs = ResourceLogs.Of(app); // collect logs and instances from the start, for the diagnosis of a failed wait
        var involved = logs.InstancesOf(resourceName).DefaultIfEmpty(resourceName)
            .Concat(resource.Annotations.OfType<WaitAnnotation>().Select(wait => wait.Resource.Name));
        var details = involved.Select(name =>
        {
            var state = app.ResourceNotifications.TryGetCurrentState(name, out var current)
                ? $"{current.Snapshot.State?.Text ?? "not started"}, health {current.Snapshot.HealthStatus?.ToString() ?? "unknown"}"
                : "no state yet";
            return $"  {name}: {state}; last lines:{Environment.NewLine}{logs.GetRecentLines(name)}";
        });
        return new TimeoutException($"{problem}.{Environment.NewLine}{string.Join(Environment.NewLine, details)}");
    }
}
