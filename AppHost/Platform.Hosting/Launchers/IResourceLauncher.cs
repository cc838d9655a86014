using Platform.Hosting.ApplicationModel;
using Platform.Hosting.Processes;

namespace Platform.Hosting.Launchers;

/// <summary>How one kind of resource is brought up as local processes.</summary>
internal interface IResourceLauncher
{
    /// <summary>Work before the processes start: checking binaries, writing configuration, initialising data.</summary>
    Task PrepareAsync(LaunchContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The process of one replica.</summary>
    ProcessSpec GetProcessSpec(LaunchContext context, int replica);

    /// <summary>Work after the processes have started and before the resource counts as running.</summary>
    Task OnStartedAsync(LaunchContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Work after every process of the resource has stopped.</summary>
    void CleanUp(LaunchContext context)
    {
    }
}

/// <summary>What a launcher may use while starting one resource.</summary>
internal sealed class LaunchContext(
    IResource resource,
    DistributedApplicationExecutionContext executionContext,
    Microsoft.Extensions.Configuration.IConfiguration configuration,
    Orchestration.PortAllocator ports,
    Action<string> log,
    Func<string, ProcessSpec, Task<ChildProcess>> startHelperProcess)
{
    public IResource Resource { get; } = resource;

    public DistributedApplicationExecutionContext ExecutionContext { get; } = executionContext;

    public Microsoft.Extensions.Configuration.IConfiguration Configuration { get; } = configuration;

    public Orchestration.PortAllocator Ports { get; } = ports;

    public string DataDirectory => ExecutionContext.GetDataDirectory(Resource.Name);

    /// <summary>Writes a line to the resource's console log.</summary>
    public void Log(string message) => log(message);

    /// <summary>
    /// Starts a process that belongs to the resource without being its main process (RabbitMQ's epmd, a
    /// one-off initdb); it is stopped after the resource's main processes.
    /// </summary>
    public Task<ChildProcess> StartHelperProcessAsync(string name, ProcessSpec spec) => startHelperProcess(name, spec);

    /// <summary>Runs a helper process to completion; a non-zero exit fails with its name.</summary>
    public async Task RunToCompletionAsync(string name, ProcessSpec spec, CancellationToken cancellationToken)
    {
        var process = await StartHelperProcessAsync(name, spec);
        int exitCode;
        try
        {
            exitCode = await process.Exited.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await process.StopAsync(TimeSpan.FromSeconds(5));
            throw;
        }
        if (exitCode != 0)
        {
            throw new DistributedApplicationException($"{name} failed with exit code {exitCode}; see the log of '{Resource.Name}'.");
        }
    }
}
