using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Platform.Testing;

/// <summary>
/// One running instance of a resource. Aspire puts a proxy in front of a project's replicas; a test that must
/// reach one replica (to see it share state with the other, or to kill it) addresses the port the replica listens on.
/// </summary>
public static class ResourceInstances
{
    /// <summary>A client of one replica of a project, at the address in its <c>ASPNETCORE_URLS</c>.</summary>
    public static HttpClient CreateHttpClient(this DistributedApplication app, string resourceName, int replica)
    {
        var urls = app.GetEnvironmentVariables(resourceName, replica).GetValueOrDefault("ASPNETCORE_URLS")
            ?? throw new InvalidOperationException($"Replica {replica} of '{resourceName}' has no ASPNETCORE_URLS.");
        return new HttpClient { BaseAddress = new Uri(urls.Split(';')[0]) };
    }

    /// <summary>The environment a replica was started with, as DCP reports it.</summary>
    public static IReadOnlyDictionary<string, string> GetEnvironmentVariables(this DistributedApplication app, string resourceName, int replica = 0) =>
        app.GetSnapshot(resourceName, replica).EnvironmentVariables
            .Where(variable => variable.Value is not null)
            .GroupBy(variable => variable.Name)
            .ToDictionary(group => group.Key, group => group.Last().Value!);

    /// <summary>
    /// The operating-system process id of a replica. For a project that is the service itself: DCP starts
    /// <c>dotnet run</c>, whose one child is the service, so killing the service is what a crash looks like.
    /// </summary>
    public static int GetProcessId(this DistributedApplication app, string resourceName, int replica = 0)
    {
        var pid = app.GetSnapshot(resourceName, replica).Properties.SingleOrDefault(p => p.Name == "executable.pid")?.Value is { } value
            ? Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"Replica {replica} of '{resourceName}' has no process id.");
        return app.GetResource(resourceName) is ProjectResource ? ChildOf(pid) : pid;
    }

    private static int ChildOf(int pid)
    {
        // Each thread lists the children it started.
        var children = Directory.GetDirectories($"/proc/{pid}/task")
            .SelectMany(task => File.ReadAllText(Path.Combine(task, "children")).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(int.Parse)
            .ToList();
        return children.Count == 1 ? children[0] : throw new InvalidOperationException($"Process {pid} has {children.Count} children, not the one service.");
    }

    private static CustomResourceSnapshot GetSnapshot(this DistributedApplication app, string resourceName, int replica)
    {
        var instances = ResourceLogs.Of(app).InstancesOf(resourceName);
        if (replica < 0 || replica >= instances.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(replica), $"'{resourceName}' has {instances.Count} running replica(s).");
        }
        return app.ResourceNotifications.TryGetCurrentState(instances[replica], out var current)
            ? current.Snapshot
            : throw new InvalidOperationException($"Replica {replica} of '{resourceName}' has not started.");
    }
}
