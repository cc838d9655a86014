using System.Runtime.CompilerServices;
using Platform.Dashboard.Model;

namespace Platform.Bench.Dashboard;

/// <summary>The resources page's data: six running projects, no commands or console output (the bench is about telemetry).</summary>
internal sealed class StaticResources(IReadOnlyList<string> names) : IDashboardResourceService
{
    private readonly IReadOnlyList<DashboardResource> _resources = [.. names.Select(name => new DashboardResource(
        name, "Project", "Running", "Healthy", null, DateTimeOffset.UtcNow, null, null,
        [new DashboardReplica(name, 0, "Running", 4242, "Healthy", DateTimeOffset.UtcNow)],
        [new DashboardUrl("http", $"http://127.0.0.1:5{names.Count}00", false, 0)], [], [], []))];

    public string ApplicationName => "Platform (bench)";

    public IReadOnlyList<DashboardResource> GetResources() => _resources;

    public DashboardResource? GetResource(string name) => _resources.FirstOrDefault(r => r.Name == name);

    public async IAsyncEnumerable<DashboardResource> WatchResourcesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var resource in _resources)
        {
            yield return resource;
        }
        await Task.Delay(Timeout.Infinite, cancellationToken);
    }

    public IReadOnlyList<DashboardConsoleLine> GetConsoleLines(string resourceName) => [];

    public async IAsyncEnumerable<DashboardConsoleLine> WatchConsoleLinesAsync(string resourceName, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        yield break;
    }

    public Task<DashboardCommandResult> ExecuteCommandAsync(string resourceName, string commandName, CancellationToken cancellationToken) =>
        Task.FromResult(DashboardCommandResult.Failure("The bench runs no processes."));
}
