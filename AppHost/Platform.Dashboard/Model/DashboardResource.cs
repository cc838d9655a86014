namespace Platform.Dashboard.Model;

/// <summary>A resource as the dashboard shows it.</summary>
/// <param name="State">Running, Exited, Starting… (the hosting layer's state name).</param>
/// <param name="Health">Healthy, Unhealthy, Degraded, or null before the first check.</param>
/// <param name="Commands">The <see cref="DashboardCommands"/> that make sense in the current state.</param>
public sealed record DashboardResource(
    string Name,
    string Type,
    string State,
    string? Health,
    string? Message,
    DateTimeOffset? StartedAt,
    DateTimeOffset? StoppedAt,
    int? ExitCode,
    IReadOnlyList<DashboardReplica> Replicas,
    IReadOnlyList<DashboardUrl> Urls,
    IReadOnlyList<DashboardEnvironmentVariable> Environment,
    IReadOnlyList<string> References,
    IReadOnlyList<string> Commands);

/// <summary>One process of a resource.</summary>
public sealed record DashboardReplica(string Name, int Index, string State, int? ProcessId, string? Health, DateTimeOffset? StartedAt);

/// <summary>A link of a resource: an endpoint of a replica, or a page or folder it declared.</summary>
public sealed record DashboardUrl(string DisplayName, string Url, bool IsExternal, int ReplicaIndex);

/// <summary>A variable of the environment a resource's (first) process gets.</summary>
public sealed record DashboardEnvironmentVariable(string Name, string Value, bool IsSecret);

/// <summary>One line of console output; <paramref name="Replica"/> names the process, or "apphost".</summary>
public sealed record DashboardConsoleLine(long Number, DateTimeOffset Timestamp, string Replica, string Text, bool IsError);

public sealed record DashboardCommandResult(bool Succeeded, string? Error = null)
{
    public static DashboardCommandResult Success { get; } = new(true);

    public static DashboardCommandResult Failure(string error) => new(false, error);
}

/// <summary>The commands a resource may accept.</summary>
public static class DashboardCommands
{
    public const string Start = "start";
    public const string Stop = "stop";
    public const string Restart = "restart";

    public static IReadOnlyList<string> All { get; } = [Start, Stop, Restart];
}
