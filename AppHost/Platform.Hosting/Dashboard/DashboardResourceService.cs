using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Hosting;
using Platform.Dashboard.Model;
using Platform.Hosting.ApplicationModel;
using Platform.Hosting.Orchestration;

namespace Platform.Hosting.Dashboard;

/// <summary>The dashboard's view of this application: snapshots, console lines and commands, in the dashboard's own types.</summary>
internal sealed class DashboardResourceService(
    DistributedApplicationModel model,
    DistributedApplicationExecutionContext executionContext,
    ResourceNotificationService notifications,
    ResourceLoggerService logs,
    ResourceCommandService commands,
    IHostEnvironment environment) : IDashboardResourceService
{
    private static readonly string[] SecretNameParts = ["PASSWORD", "SECRET", "KEY", "TOKEN"];

    // A resource's environment is fixed for the run (ports and parameters are resolved at build time).
    private readonly ConcurrentDictionary<string, IReadOnlyList<DashboardEnvironmentVariable>> _environments = new(StringComparer.Ordinal);

    public string ApplicationName => environment.ApplicationName;

    public IReadOnlyList<DashboardResource> GetResources()
    {
        var snapshots = notifications.GetSnapshots().ToDictionary(s => s.Name, StringComparer.Ordinal);
        return [.. model.Resources.Where(r => snapshots.ContainsKey(r.Name)).Select(r => ToDashboard(r, snapshots[r.Name]))];
    }

    public DashboardResource? GetResource(string name) =>
        model.Resources.FirstOrDefault(r => r.Name == name) is { } resource ? ToDashboard(resource, notifications.GetSnapshot(name)) : null;

    public async IAsyncEnumerable<DashboardResource> WatchResourcesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var snapshot in notifications.WatchAsync(cancellationToken))
        {
            yield return ToDashboard(model.GetResource(snapshot.Name), snapshot);
        }
    }

    public IReadOnlyList<DashboardConsoleLine> GetConsoleLines(string resourceName) =>
        [.. logs.GetLogs(resourceName).Select(ToDashboard)];

    public async IAsyncEnumerable<DashboardConsoleLine> WatchConsoleLinesAsync(string resourceName, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var line in logs.WatchAsync(resourceName, cancellationToken))
        {
            yield return ToDashboard(line);
        }
    }

    public async Task<DashboardCommandResult> ExecuteCommandAsync(string resourceName, string commandName, CancellationToken cancellationToken)
    {
        var command = commandName switch
        {
            DashboardCommands.Start => KnownResourceCommands.StartCommand,
            DashboardCommands.Stop => KnownResourceCommands.StopCommand,
            DashboardCommands.Restart => KnownResourceCommands.RestartCommand,
            _ => null,
        };
        if (command is null)
        {
            return DashboardCommandResult.Failure($"Unknown command '{commandName}'.");
        }
        try
        {
            // Not cancelled with the request: a stop half done because the browser left would leave a mess.
            await commands.ExecuteCommandAsync(resourceName, command);
            return DashboardCommandResult.Success;
        }
        catch (Exception exception) when (exception is ArgumentException or DistributedApplicationException or InvalidOperationException)
        {
            return DashboardCommandResult.Failure(exception.Message);
        }
    }

    private DashboardResource ToDashboard(IResource resource, ResourceSnapshot snapshot) => new(
        snapshot.Name,
        snapshot.ResourceType,
        snapshot.State.ToString(),
        snapshot.HealthStatus?.ToString(),
        snapshot.Message,
        snapshot.StartedAt,
        snapshot.StoppedAt,
        snapshot.ExitCode,
        [.. snapshot.Replicas.Select(r => new DashboardReplica(r.Name, r.Index, r.State.ToString(), r.ProcessId, r.HealthStatus?.ToString(), r.StartedAt))],
        [.. snapshot.Urls.Select(u => new DashboardUrl(u.EndpointName, u.Url, u.IsExternal, u.ReplicaIndex))],
        _environments.GetOrAdd(resource.Name, _ => GetEnvironment(resource)),
        [.. resource.GetDependencies().Select(d => d.Name)],
        GetCommands(resource, snapshot));

    private static DashboardConsoleLine ToDashboard(LogLine line) => new(line.Number, line.Timestamp, line.Replica, line.Text, line.IsError);

    private static IReadOnlyList<string> GetCommands(IResource resource, ResourceSnapshot snapshot)
    {
        if (resource is ParameterResource or ConnectionStringResource)
        {
            return [];
        }
        return snapshot.State switch
        {
            ResourceState.NotStarted or ResourceState.Exited or ResourceState.FailedToStart => [DashboardCommands.Start],
            ResourceState.Waiting or ResourceState.Starting or ResourceState.Running => [DashboardCommands.Stop, DashboardCommands.Restart],
            _ => [],
        };
    }

    private IReadOnlyList<DashboardEnvironmentVariable> GetEnvironment(IResource resource)
    {
        if (resource is ParameterResource or ConnectionStringResource)
        {
            return [];
        }
        var context = ResourceEnvironment.Resolve(resource, replica: 0, executionContext);
        return [.. context.EnvironmentVariables
            .OrderBy(v => v.Key, StringComparer.Ordinal)
            .Select(v => new DashboardEnvironmentVariable(v.Key, v.Value, context.SecretVariables.Contains(v.Key) || LooksSecret(v.Key)))];
    }

    /// <summary>Masks what is probably a credential even when nobody declared it secret.</summary>
    private static bool LooksSecret(string name) =>
        name.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase)
        || SecretNameParts.Any(part => name.Contains(part, StringComparison.OrdinalIgnoreCase));
}
