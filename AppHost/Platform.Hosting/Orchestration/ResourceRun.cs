using Platform.Hosting.ApplicationModel;
using Platform.Hosting.Launchers;
using Platform.Hosting.Processes;

namespace Platform.Hosting.Orchestration;

/// <summary>The runtime side of one resource: its processes and the lifetime of its current run.</summary>
internal sealed class ResourceRun(IResource resource)
{
    public IResource Resource { get; } = resource;

    public string Name => Resource.Name;

    /// <summary>Serialises start, stop and restart of this resource.</summary>
    public SemaphoreSlim CommandGate { get; } = new(1, 1);

    /// <summary>Cancelled when the current run is stopped; null when the resource is not active.</summary>
    public CancellationTokenSource? Lifetime { get; set; }

    public Task StartTask { get; set; } = Task.CompletedTask;

    public IResourceLauncher? Launcher { get; set; }

    public LaunchContext? LaunchContext { get; set; }

    public ChildProcess?[] Replicas { get; set; } = [];

    public List<(string Name, ChildProcess Process)> Helpers { get; } = [];

    /// <summary>Set while the orchestrator stops the processes, so their exit is not reported as a crash.</summary>
    public bool IsStopping { get; set; }

    public string ReplicaName(int index) => Replicas.Length > 1 ? $"{Name}-{index}" : Name;
}
