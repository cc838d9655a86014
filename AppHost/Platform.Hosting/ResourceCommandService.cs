using Platform.Hosting.Orchestration;

namespace Platform.Hosting;

/// <summary>The names of the commands every resource supports, as in Aspire.</summary>
public static class KnownResourceCommands
{
    public const string StartCommand = "resource-start";
    public const string StopCommand = "resource-stop";
    public const string RestartCommand = "resource-restart";
}

/// <summary>Start, stop and restart single resources of a running application (the dashboard's actions).</summary>
public sealed class ResourceCommandService
{
    private readonly ApplicationOrchestrator _orchestrator;

    internal ResourceCommandService(ApplicationOrchestrator orchestrator) => _orchestrator = orchestrator;

    /// <summary>Starts a stopped resource; returns once its start is under way (it may wait for others first).</summary>
    public Task StartResourceAsync(string resourceName) => _orchestrator.StartResourceAsync(resourceName);

    /// <summary>Stops a resource and waits until every process of it is gone.</summary>
    public Task StopResourceAsync(string resourceName) => _orchestrator.StopResourceAsync(resourceName);

    public Task RestartResourceAsync(string resourceName) => _orchestrator.RestartResourceAsync(resourceName);

    public Task ExecuteCommandAsync(string resourceName, string commandName) => commandName switch
    {
        KnownResourceCommands.StartCommand => StartResourceAsync(resourceName),
        KnownResourceCommands.StopCommand => StopResourceAsync(resourceName),
        KnownResourceCommands.RestartCommand => RestartResourceAsync(resourceName),
        _ => throw new ArgumentException($"Unknown resource command '{commandName}'.", nameof(commandName)),
    };
}
