using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting.LocalProcesses;

/// <summary>
/// How one kind of server (PostgreSQL, Redis, RabbitMQ) runs from the machine's binaries in place of its
/// container: which program, which files it needs before it starts, its arguments and environment.
/// </summary>
internal abstract class LocalServer(IResourceWithEndpoints resource)
{
    public IResourceWithEndpoints Resource { get; } = resource;

    /// <summary>What the missing-program message calls it, e.g. "The PostgreSQL server".</summary>
    public abstract string Product { get; }

    /// <summary>The Debian/Ubuntu package that installs it.</summary>
    public abstract string Package { get; }

    /// <summary>The server program where the package installs it; null when it is not installed.</summary>
    public abstract string? FindProgram();

    /// <summary>The command the orchestrator runs: the program itself, or a wrapper that starts it.</summary>
    public virtual string Command(string program) => program;

    /// <summary>Writes what the server reads at start (configuration, a new data directory).</summary>
    public virtual Task PrepareAsync(LocalServerContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    public abstract IEnumerable<string> Arguments(LocalServerContext context);

    public virtual IEnumerable<KeyValuePair<string, string>> Environment(LocalServerContext context) => [];

    /// <summary>Runs once the process is up and before the resource is reported running.</summary>
    public virtual Task OnRunningAsync(LocalServerContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// A signal sent to the server before the orchestrator stops it (with SIGTERM), when SIGTERM would be the
    /// slow way out; null when SIGTERM is right.
    /// </summary>
    public virtual int? StopSignal => null;

    /// <summary>Adds helper processes the server needs beside it (RabbitMQ's port mapper).</summary>
    public virtual void AddHelpers(IDistributedApplicationBuilder builder, IResourceBuilder<ExecutableResource> server, LocalServerContext context)
    {
    }

    /// <summary>The port the server listens on (no proxy in front of it).</summary>
    protected static int Port(EndpointReference endpoint) => endpoint.EndpointAnnotation.TargetPort!.Value;
}

/// <summary>What a <see cref="LocalServer"/> knows of its run: where its data lives, its log, the configuration.</summary>
internal sealed class LocalServerContext(IResource resource, IConfiguration configuration)
{
    public IResource Resource { get; } = resource;

    public IConfiguration Configuration { get; } = configuration;

    /// <summary>The server's data folder; set before the application starts.</summary>
    public string DataDirectory { get; set; } = "";

    /// <summary>False when the data is thrown away at the end of the run (tests, no data volume).</summary>
    public bool KeepsData { get; set; }

    /// <summary>The resource's console log in the dashboard; set when the application starts.</summary>
    public ILogger Logger { get; set; } = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
}
