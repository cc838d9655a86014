namespace Platform.Dashboard.Model;

/// <summary>
/// What the dashboard needs from the application it shows. The hosting layer implements it; the dashboard
/// knows nothing of hosting types (as Aspire's dashboard talks to its AppHost through a resource service).
/// </summary>
public interface IDashboardResourceService
{
    /// <summary>The application's name, shown in the header.</summary>
    string ApplicationName { get; }

    IReadOnlyList<DashboardResource> GetResources();

    DashboardResource? GetResource(string name);

    /// <summary>Every resource's current state, then each resource again whenever it changes.</summary>
    IAsyncEnumerable<DashboardResource> WatchResourcesAsync(CancellationToken cancellationToken);

    /// <summary>The console lines kept for a resource (all its replicas and the AppHost's lines about it).</summary>
    IReadOnlyList<DashboardConsoleLine> GetConsoleLines(string resourceName);

    /// <summary>The lines kept so far, then new lines as they are written.</summary>
    IAsyncEnumerable<DashboardConsoleLine> WatchConsoleLinesAsync(string resourceName, CancellationToken cancellationToken);

    /// <summary>Runs one of <see cref="DashboardCommands"/>; returns once the resource has acted on it.</summary>
    Task<DashboardCommandResult> ExecuteCommandAsync(string resourceName, string commandName, CancellationToken cancellationToken);
}
