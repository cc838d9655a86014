namespace Platform.Dashboard.Telemetry;

/// <summary>Every resource that sent telemetry, one shared instance per key (newest attributes win).</summary>
public sealed class ResourceStore(TelemetryLimits limits)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, TelemetryResource> _resources = new(StringComparer.Ordinal);
    private readonly Queue<string> _arrival = new();
    private readonly ChangeSignal _changes = new();

    public long Version => _changes.Version;

    public Task<long> WaitForChangeAsync(long afterVersion, CancellationToken cancellationToken) =>
        _changes.WaitForChangeAsync(afterVersion, cancellationToken);

    public TelemetryResource GetOrAdd(string serviceName, string? instanceId, IReadOnlyList<TelemetryAttribute> attributes)
    {
        var key = TelemetryResource.KeyOf(serviceName, instanceId);
        TelemetryResource resource;
        lock (_gate)
        {
            if (_resources.TryGetValue(key, out var known) && known.Attributes.SequenceEqual(attributes))
            {
                return known;
            }
            resource = new TelemetryResource(serviceName, instanceId, attributes);
            if (known is null)
            {
                _arrival.Enqueue(key);
                if (_arrival.Count > Math.Max(1, limits.MaxResources))
                {
                    _resources.Remove(_arrival.Dequeue());
                }
            }
            _resources[key] = resource;
        }
        _changes.Notify();
        return resource;
    }

    /// <summary>All resources, by service name then instance id.</summary>
    public IReadOnlyList<TelemetryResource> GetResources()
    {
        lock (_gate)
        {
            return _resources.Values
                .OrderBy(r => r.ServiceName, StringComparer.Ordinal)
                .ThenBy(r => r.InstanceId, StringComparer.Ordinal)
                .ToList();
        }
    }

    public TelemetryResource? Find(string key)
    {
        lock (_gate)
        {
            return _resources.GetValueOrDefault(key);
        }
    }
}
