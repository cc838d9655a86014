using System.Collections.Immutable;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.Hosting.Orchestration;

public enum ResourceState
{
    NotStarted,
    /// <summary>Holding until the resources it waits for are healthy.</summary>
    Waiting,
    Starting,
    Running,
    Stopping,
    Exited,
    FailedToStart,
}

/// <summary>What a resource is doing right now, as shown on the dashboard and awaited by tests.</summary>
public sealed record ResourceSnapshot(string Name, string ResourceType)
{
    public ResourceState State { get; init; } = ResourceState.NotStarted;

    /// <summary>Null until the first check has run; a running resource without checks is healthy.</summary>
    public HealthStatus? HealthStatus { get; init; }

    public string? HealthDescription { get; init; }

    public int? ExitCode { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? StoppedAt { get; init; }

    /// <summary>Why the resource failed or is waiting, for the developer.</summary>
    public string? Message { get; init; }

    public ImmutableArray<ResourceReplicaSnapshot> Replicas { get; init; } = [];

    public ImmutableArray<ResourceUrl> Urls { get; init; } = [];

    public bool IsHealthy => State == ResourceState.Running && HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy;

    /// <summary>The resource cannot become healthy without being started again.</summary>
    public bool IsTerminal => State is ResourceState.Exited or ResourceState.FailedToStart;

    public override string ToString() =>
        $"{Name}: {State}{(HealthStatus is { } health ? $", {health}" : "")}{(ExitCode is { } code ? $", exit code {code}" : "")}{(Message is { } message ? $" ({message})" : "")}";
}

/// <summary>One process of a resource (a replica of a project, the server process of a database).</summary>
public sealed record ResourceReplicaSnapshot(string Name, int Index)
{
    public ResourceState State { get; init; } = ResourceState.NotStarted;

    public int? ProcessId { get; init; }

    public HealthStatus? HealthStatus { get; init; }

    public string? HealthDescription { get; init; }

    public int? ExitCode { get; init; }

    public DateTimeOffset? StartedAt { get; init; }
}

public sealed record ResourceUrl(string EndpointName, string Url, bool IsExternal, int ReplicaIndex);
