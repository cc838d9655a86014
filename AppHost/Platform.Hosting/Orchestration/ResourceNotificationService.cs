using System.Threading.Channels;

namespace Platform.Hosting.Orchestration;

/// <summary>The current state of every resource, and a stream of its changes.</summary>
public sealed class ResourceNotificationService
{
    private readonly Dictionary<string, ResourceSnapshot> _snapshots = new(StringComparer.Ordinal);
    private readonly Watchers<ResourceSnapshot> _watchers =
        new(() => Channel.CreateUnbounded<ResourceSnapshot>(new UnboundedChannelOptions { SingleReader = true }));
    private readonly Lock _lock = new();

    public IReadOnlyList<ResourceSnapshot> GetSnapshots()
    {
        lock (_lock)
        {
            return [.. _snapshots.Values];
        }
    }

    public ResourceSnapshot GetSnapshot(string resourceName)
    {
        lock (_lock)
        {
            return _snapshots.TryGetValue(resourceName, out var snapshot)
                ? snapshot
                : throw new ArgumentException($"There is no resource named '{resourceName}'.", nameof(resourceName));
        }
    }

    /// <summary>Every resource's current snapshot, then each change as it happens.</summary>
    public IAsyncEnumerable<ResourceSnapshot> WatchAsync(CancellationToken cancellationToken = default) =>
        _watchers.WatchAsync(_lock, () => _snapshots.Values, cancellationToken);

    public async Task<ResourceSnapshot> WaitForResourceAsync(
        string resourceName, Func<ResourceSnapshot, bool> predicate, CancellationToken cancellationToken = default)
    {
        GetSnapshot(resourceName); // fails fast on an unknown name
        await foreach (var snapshot in WatchAsync(cancellationToken))
        {
            if (snapshot.Name == resourceName && predicate(snapshot))
            {
                return snapshot;
            }
        }
        throw new OperationCanceledException(cancellationToken);
    }

    public Task<ResourceSnapshot> WaitForResourceAsync(string resourceName, ResourceState state, CancellationToken cancellationToken = default) =>
        WaitForResourceAsync(resourceName, s => s.State == state, cancellationToken);

    /// <summary>Waits until the resource runs and its health checks pass; fails if it exits or fails to start first.</summary>
    public async Task<ResourceSnapshot> WaitForResourceHealthyAsync(string resourceName, CancellationToken cancellationToken = default)
    {
        var snapshot = await WaitForResourceAsync(resourceName, s => s.IsHealthy || s.IsTerminal, cancellationToken);
        return snapshot.IsHealthy
            ? snapshot
            : throw new DistributedApplicationException($"Resource '{resourceName}' will not become healthy: {snapshot}.");
    }

    internal void Publish(ResourceSnapshot snapshot)
    {
        lock (_lock)
        {
            if (_snapshots.TryGetValue(snapshot.Name, out var current) && current == snapshot)
            {
                return;
            }
            _snapshots[snapshot.Name] = snapshot;
            _watchers.Publish(snapshot);
        }
    }

    /// <summary>Applies a change to the latest snapshot atomically, so concurrent updates never overwrite each other.</summary>
    internal ResourceSnapshot Update(string resourceName, Func<ResourceSnapshot, ResourceSnapshot> change)
    {
        lock (_lock)
        {
            var updated = change(_snapshots[resourceName]);
            Publish(updated);
            return updated;
        }
    }
}
