namespace Platform.Dashboard.Telemetry;

/// <summary>
/// The process that sent telemetry, identified by service.name and service.instance.id
/// (two replicas of one service are two resources with the same <see cref="ServiceName"/>).
/// </summary>
public sealed record TelemetryResource(string ServiceName, string? InstanceId, IReadOnlyList<TelemetryAttribute> Attributes)
{
    /// <summary>Stable identity used by the query methods: "name" or "name/instance".</summary>
    public string Key { get; } = InstanceId is null ? ServiceName : $"{ServiceName}/{InstanceId}";

    public static string KeyOf(string serviceName, string? instanceId) =>
        instanceId is null ? serviceName : $"{serviceName}/{instanceId}";

    /// <summary>True when <paramref name="resource"/> is this resource's key or its service name.</summary>
    public bool Matches(string resource) => resource == Key || resource == ServiceName;
}
