using System.Runtime.Versioning;
using System.Text.RegularExpressions;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Eventing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting.LocalProcesses;

/// <summary>
/// Runs a server resource (say PostgreSQL's <c>pg</c>) as a local process. The process is a hidden executable
/// resource of its own (<c>pg-server</c>), so Aspire's orchestrator starts, stops and cleans it up like any
/// executable; the server resource stays Aspire's own object and mirrors it: state, start and stop times,
/// console log, and Start/Stop/Restart commands. Its endpoints are the server's own ports (no proxy),
/// allocated here, and their connection strings are announced as a container's would be, so
/// <c>WithReference</c>, <c>WaitFor</c>, Aspire's health checks and its database creation work unchanged.
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed partial class LocalServerRunner
{
    /// <summary>The initial snapshot of a helper process: an executable the dashboard does not list.</summary>
    public static CustomResourceSnapshot HiddenProcess => new() { ResourceType = "Executable", Properties = [], IsHidden = true };

    private readonly LocalServer _server;
    private readonly IResourceBuilder<ExecutableResource> _process;
    private readonly LocalServerContext _context;
    private string? _program;
    private CustomResourceSnapshot? _processSnapshot;

    private LocalServerRunner(LocalServer server, IResourceBuilder<ExecutableResource> process, LocalServerContext context)
    {
        _server = server;
        _process = process;
        _context = context;
    }

    private IResource Resource => _server.Resource;

    public static IResourceBuilder<T> Attach<T>(IResourceBuilder<T> builder, LocalServer server)
        where T : IResourceWithEndpoints
    {
        var app = builder.ApplicationBuilder;
        if (!app.ExecutionContext.IsRunMode || !LocalProcessMode.RunsLocally(app.Configuration))
        {
            return builder;
        }

        var context = new LocalServerContext(builder.Resource, app.Configuration);
        var process = app.AddExecutable($"{builder.Resource.Name}-server", server.Package, app.AppHostDirectory)
            .WithInitialState(HiddenProcess)
            .WithArgs(arguments =>
            {
                foreach (var argument in server.Arguments(context))
                {
                    arguments.Args.Add(argument);
                }
            })
            .WithEnvironment(environment =>
            {
                foreach (var (name, value) in server.Environment(context))
                {
                    environment.EnvironmentVariables[name] = value;
                }
            });
        server.AddHelpers(app, process, context);
        app.Services.TryAddSingleton<ThrowAwayData>();

        var runner = new LocalServerRunner(server, process, context);
        app.Eventing.Subscribe<BeforeStartEvent>(runner.OnBeforeStartAsync);
        app.Eventing.Subscribe<InitializeResourceEvent>(builder.Resource, runner.OnInitializeAsync);
        app.Eventing.Subscribe<BeforeResourceStartedEvent>(process.Resource, runner.OnBeforeProcessStartsAsync);
        runner.AddLifecycleCommands(builder);
        return builder;
    }

    /// <summary>Before the orchestrator sees the model: the resource stops being a container and gets its ports and data folder.</summary>
    private Task OnBeforeStartAsync(BeforeStartEvent @event, CancellationToken cancellationToken)
    {
        foreach (var image in Resource.Annotations.OfType<ContainerImageAnnotation>().ToList())
        {
            Resource.Annotations.Remove(image);
        }

        // Aspire.Hosting.Testing randomizes every port, and so every run's data is its own.
        var isolated = LocalDataFolders.KeepsNothing(_process.ApplicationBuilder);
        foreach (var endpoint in Resource.Annotations.OfType<EndpointAnnotation>())
        {
            var port = endpoint.Port is { } declared && !isolated ? declared : FreePorts.Next();
            endpoint.IsProxied = false;
            endpoint.Port = port;
            endpoint.TargetPort = port;
            endpoint.TargetHost = "127.0.0.1";
        }

        (_context.DataDirectory, _context.KeepsData) = ChooseDataDirectory(isolated);
        _program = _context.Configuration[$"LocalProcesses:Programs:{Resource.Name}"] is { } configured
            ? (File.Exists(configured) ? configured : null)
            : _server.FindProgram();
        _process.WithCommand(_program is null ? _server.Package : _server.Command(_program));
        _process.Resource.Annotations.OfType<ExecutableAnnotation>().Last().WorkingDirectory = _context.DataDirectory;
        return Task.CompletedTask;
    }

    /// <summary>
    /// Kept data (the resource has a data volume or bind mount) lives in <see cref="LocalDataFolders.Root"/>'s
    /// <c>&lt;resource&gt;</c> folder, or the bind mount's folder; anything else in a folder of its own that
    /// is deleted when the application stops.
    /// </summary>
    private (string Directory, bool KeepsData) ChooseDataDirectory(bool isolated)
    {
        var mount = Resource.Annotations.OfType<ContainerMountAnnotation>().FirstOrDefault();
        if (mount is null || isolated)
        {
            return (Directory.CreateTempSubdirectory($"aspire-{Resource.Name}-").FullName, false);
        }
        var directory = mount.Type == ContainerMountType.BindMount && mount.Source is { } source
            ? source
            : Path.Combine(LocalDataFolders.Root(_process.ApplicationBuilder), Resource.Name);
        Directory.CreateDirectory(directory);
        return (directory, true);
    }

    /// <summary>When the application starts: endpoints allocated, connection strings announced, the process mirrored.</summary>
    private async Task OnInitializeAsync(InitializeResourceEvent @event, CancellationToken cancellationToken)
    {
        _context.Logger = @event.Logger;
        foreach (var endpoint in Resource.Annotations.OfType<EndpointAnnotation>())
        {
            endpoint.AllocatedEndpoint = new AllocatedEndpoint(endpoint, "127.0.0.1", endpoint.TargetPort!.Value);
        }
        await @event.Eventing.PublishAsync(new ResourceEndpointsAllocatedEvent(Resource, @event.Services), cancellationToken);

        var children = @event.Services.GetRequiredService<DistributedApplicationModel>().Resources
            .OfType<IResourceWithParent>().Where(child => child.Parent == Resource).Cast<IResource>().ToList();
        foreach (var withConnectionString in children.Prepend(Resource).OfType<IResourceWithConnectionString>())
        {
            await @event.Eventing.PublishAsync(new ConnectionStringAvailableEvent(withConnectionString, @event.Services), cancellationToken);
        }
        await @event.Notifications.PublishUpdateAsync(Resource, snapshot => snapshot with
        {
            ResourceType = "Executable",
            State = KnownResourceStates.NotStarted,
        });

        var lifetime = @event.Services.GetRequiredService<IHostApplicationLifetime>();
        lifetime.ApplicationStopping.Register(SendStopSignal);
        if (!_context.KeepsData)
        {
            @event.Services.GetRequiredService<ThrowAwayData>().Add(StopAndDeleteDataAsync);
        }
        _ = MirrorProcessAsync(@event, children, lifetime.ApplicationStopping);
        _ = ForwardConsoleAsync(@event, lifetime.ApplicationStopping);
    }

    /// <summary>Each time the orchestrator is about to start the process: the program is there, and its files are written.</summary>
    private async Task OnBeforeProcessStartsAsync(BeforeResourceStartedEvent @event, CancellationToken cancellationToken)
    {
        if (_program is null)
        {
            var message = ServerPrograms.MissingMessage(_server.Product, _server.Package);
            _context.Logger.LogError("{Message}", message);
            throw new DistributedApplicationException(message);
        }
        try
        {
            Directory.CreateDirectory(_context.DataDirectory);
            await _server.PrepareAsync(_context, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _context.Logger.LogError("{Message}", exception.Message);
            throw;
        }
    }

    private async Task MirrorProcessAsync(InitializeResourceEvent @event, IReadOnlyList<IResource> children, CancellationToken stopping)
    {
        try
        {
            string? lastState = null;
            await foreach (var update in @event.Notifications.WatchAsync(stopping))
            {
                if (update.Resource != _process.Resource || update.Snapshot.State?.Text is not { Length: > 0 } state)
                {
                    continue;
                }
                _processSnapshot = update.Snapshot;
                if (state == KnownResourceStates.Running && lastState != KnownResourceStates.Running)
                {
                    await RunStartedHookAsync(stopping);
                }
                lastState = state;
                await PublishAsync(@event.Notifications, update.Snapshot, children);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    private async Task RunStartedHookAsync(CancellationToken stopping)
    {
        try
        {
            await _server.OnRunningAsync(_context, stopping);
        }
        catch (Exception exception) when (!stopping.IsCancellationRequested)
        {
            _context.Logger.LogError("{Server} started, but could not be set up: {Message}", _server.Product, exception.Message);
        }
    }

    private async Task PublishAsync(ResourceNotificationService notifications, CustomResourceSnapshot process, IReadOnlyList<IResource> children)
    {
        var running = process.State?.Text == KnownResourceStates.Running;
        var processProperties = process.Properties.Where(property => property.Name.StartsWith("executable.", StringComparison.Ordinal)).ToList();
        await notifications.PublishUpdateAsync(Resource, snapshot => snapshot with
        {
            State = process.State,
            StartTimeStamp = process.StartTimeStamp,
            StopTimeStamp = process.StopTimeStamp,
            ExitCode = process.ExitCode,
            Urls = [.. snapshot.Urls.Select(url => url with { IsInactive = !running })],
            Properties = [.. snapshot.Properties.Where(property => processProperties.All(p => p.Name != property.Name)), .. processProperties],
        });
        foreach (var child in children)
        {
            await notifications.PublishUpdateAsync(child, snapshot => snapshot with
            {
                State = process.State,
                StartTimeStamp = process.StartTimeStamp,
                StopTimeStamp = process.StopTimeStamp,
            });
        }
    }

    /// <summary>The process's output, as the server resource's console log.</summary>
    private async Task ForwardConsoleAsync(InitializeResourceEvent @event, CancellationToken stopping)
    {
        var logs = @event.Services.GetRequiredService<ResourceLoggerService>();
        try
        {
            await foreach (var batch in logs.WatchAsync(_process.Resource).WithCancellation(stopping))
            {
                foreach (var line in batch)
                {
                    var content = LeadingTimestamp().Replace(line.Content, "");
                    @event.Logger.Log(line.IsErrorMessage ? LogLevel.Error : LogLevel.Information, "{Line}", content);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    private void AddLifecycleCommands<T>(IResourceBuilder<T> builder) where T : IResource
    {
        builder.WithCommand(KnownResourceCommands.StartCommand, "Start",
            context => ForwardAsync(context, KnownResourceCommands.StartCommand),
            new CommandOptions { UpdateState = StartState, IconName = "Play", IconVariant = IconVariant.Filled, IsHighlighted = true });
        builder.WithCommand(KnownResourceCommands.StopCommand, "Stop",
            context => ForwardAsync(context, KnownResourceCommands.StopCommand),
            new CommandOptions { UpdateState = StopState, IconName = "Stop", IconVariant = IconVariant.Filled, IsHighlighted = true });
        builder.WithCommand(KnownResourceCommands.RestartCommand, "Restart",
            context => ForwardAsync(context, KnownResourceCommands.RestartCommand),
            new CommandOptions { UpdateState = RestartState, IconName = "ArrowCounterclockwise", IconVariant = IconVariant.Regular });
    }

    private Task<ExecuteCommandResult> ForwardAsync(ExecuteCommandContext context, string command)
    {
        if (command != KnownResourceCommands.StartCommand)
        {
            SendStopSignal();
        }
        return context.Services.GetRequiredService<ResourceCommandService>()
            .ExecuteCommandAsync(_process.Resource, command, context.CancellationToken);
    }

    // The rules of Aspire's own lifecycle commands.
    private static ResourceCommandState StartState(UpdateCommandStateContext context)
    {
        var state = context.ResourceSnapshot.State?.Text;
        if (string.IsNullOrEmpty(state) || state == KnownResourceStates.Starting || state == KnownResourceStates.Stopping)
        {
            return ResourceCommandState.Disabled;
        }
        return IsStopped(state) ? ResourceCommandState.Enabled : ResourceCommandState.Hidden;
    }

    private static ResourceCommandState StopState(UpdateCommandStateContext context)
    {
        var state = context.ResourceSnapshot.State?.Text;
        if (state == KnownResourceStates.Stopping)
        {
            return ResourceCommandState.Disabled;
        }
        return string.IsNullOrEmpty(state) || IsStopped(state) || state == KnownResourceStates.Starting
            ? ResourceCommandState.Hidden
            : ResourceCommandState.Enabled;
    }

    private static ResourceCommandState RestartState(UpdateCommandStateContext context) =>
        context.ResourceSnapshot.State?.Text == KnownResourceStates.Running ? ResourceCommandState.Enabled : ResourceCommandState.Disabled;

    private static bool IsStopped(string state) =>
        KnownResourceStates.TerminalStates.Contains(state) || state == KnownResourceStates.NotStarted || state == "Unknown";

    /// <summary>Sends the server's own stop signal (see <see cref="LocalServer.StopSignal"/>) ahead of the orchestrator's SIGTERM.</summary>
    private void SendStopSignal()
    {
        if (_server.StopSignal is { } signal && RunningProcessId() is { } processId)
        {
            ProcessSignal.Send(processId, signal);
        }
    }

    /// <summary>The server's process id while the orchestrator last reported it running.</summary>
    private int? RunningProcessId() =>
        _processSnapshot?.State?.Text == KnownResourceStates.Running
        && _processSnapshot.Properties.FirstOrDefault(property => property.Name == "executable.pid")?.Value is { } pid
        && int.TryParse(pid.ToString(), out var processId)
            ? processId
            : null;

    /// <summary>Throw-away data is deleted once the server has exited: stopped here if the orchestrator has not yet.</summary>
    private async Task StopAndDeleteDataAsync()
    {
        if (RunningProcessId() is { } processId && ProcessSignal.Send(processId, _server.StopSignal ?? ProcessSignal.SigTerm))
        {
            await ProcessSignal.WaitForExitAsync(processId, TimeSpan.FromSeconds(15));
        }
        ThrowAwayData.Delete(_context.DataDirectory);
    }

    /// <summary>The orchestrator's own timestamp at the start of each line; the resource's log adds its own.</summary>
    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z ")]
    private static partial Regex LeadingTimestamp();
}
