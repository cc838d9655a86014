using System.Collections.Immutable;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Platform.Hosting.ApplicationModel;
using Platform.Hosting.Launchers;
using Platform.Hosting.Processes;

namespace Platform.Hosting.Orchestration;

/// <summary>
/// Runs the model (our stand-in for Aspire's DCP): every resource starts as soon as the resources it
/// waits for are healthy, so independent ones start in parallel; shutdown goes in reverse dependency order.
/// </summary>
internal sealed class ApplicationOrchestrator
{
    private static readonly TimeSpan HealthCheckTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan HealthyPollInterval = TimeSpan.FromSeconds(5);

    private readonly DistributedApplicationModel _model;
    private readonly DistributedApplicationExecutionContext _executionContext;
    private readonly DistributedApplicationOptions _options;
    private readonly IConfiguration _configuration;
    private readonly PortAllocator _ports;
    private readonly ResourceNotificationService _notifications;
    private readonly ResourceLoggerService _logs;
    private readonly ILogger _logger;
    private readonly Dictionary<string, ResourceRun> _runs;

    public ApplicationOrchestrator(
        DistributedApplicationModel model,
        DistributedApplicationExecutionContext executionContext,
        DistributedApplicationOptions options,
        IConfiguration configuration,
        PortAllocator ports,
        ResourceNotificationService notifications,
        ResourceLoggerService logs,
        ILogger<ApplicationOrchestrator> logger)
    {
        _model = model;
        _executionContext = executionContext;
        _options = options;
        _configuration = configuration;
        _ports = ports;
        _notifications = notifications;
        _logs = logs;
        _logger = logger;
        _runs = model.Resources.ToDictionary(r => r.Name, r => new ResourceRun(r), StringComparer.Ordinal);

        foreach (var resource in model.Resources)
        {
            _notifications.Publish(new ResourceSnapshot(resource.Name, resource.GetResourceType()) { Urls = GetUrls(resource) });
        }
    }

    public async Task StartAllAsync()
    {
        Directory.CreateDirectory(_executionContext.DataDirectory);
        if (UnixUser.IsRoot)
        {
            // Servers that run under their own account (PostgreSQL) must be able to enter the data root.
            File.SetUnixFileMode(_executionContext.DataDirectory, File.GetUnixFileMode(_executionContext.DataDirectory)
                | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }
        foreach (var run in _runs.Values)
        {
            await StartResourceAsync(run.Name);
        }
    }

    public async Task StopAllAsync()
    {
        foreach (var level in ResourceGraph.GetLevels(_model.Resources).Reverse())
        {
            await Task.WhenAll(level.Select(resource => StopResourceAsync(resource.Name)));
        }
        await ChildProcessSpawner.CollectOrphansAsync(TimeSpan.FromSeconds(2));
    }

    /// <summary>Starts a resource that is not running; returns once its start is under way.</summary>
    public Task StartResourceAsync(string name) => UnderCommandGateAsync(name, StartLockedAsync);

    /// <summary>Stops a resource gracefully (then forcibly) and waits until all its processes are gone.</summary>
    public Task StopResourceAsync(string name) => UnderCommandGateAsync(name, StopLockedAsync);

    public Task RestartResourceAsync(string name) => UnderCommandGateAsync(name, async run =>
    {
        await StopLockedAsync(run);
        await StartLockedAsync(run);
    });

    private async Task UnderCommandGateAsync(string name, Func<ResourceRun, Task> command)
    {
        var run = GetRun(name);
        await run.CommandGate.WaitAsync();
        try
        {
            await command(run);
        }
        finally
        {
            run.CommandGate.Release();
        }
    }

    private ResourceRun GetRun(string name) => _runs.TryGetValue(name, out var run)
        ? run
        : throw new ArgumentException($"There is no resource named '{name}'.", nameof(name));

    private async Task StartLockedAsync(ResourceRun run)
    {
        if (run.Lifetime is not null)
        {
            if (!_notifications.GetSnapshot(run.Name).IsTerminal)
            {
                return;
            }
            await StopLockedAsync(run); // tidy up after a crash or a failed start
        }
        var lifetime = new CancellationTokenSource();
        run.Lifetime = lifetime;
        // Published before returning, so a caller that now waits for health never sees the previous run's end.
        Update(run, s => s with
        {
            State = GetWaits(run).Count > 0 ? ResourceState.Waiting : ResourceState.Starting,
            Message = null,
            ExitCode = null,
            HealthStatus = null,
            HealthDescription = null,
            StoppedAt = null,
        });
        run.StartTask = Task.Run(() => RunAsync(run, lifetime.Token));
    }

    private async Task StopLockedAsync(ResourceRun run)
    {
        if (run.Lifetime is not { } lifetime)
        {
            return;
        }

        foreach (var child in ChildrenOf(run.Resource))
        {
            await StopResourceAsync(child.Name);
        }

        run.IsStopping = true;
        var wasActive = !_notifications.GetSnapshot(run.Name).IsTerminal;
        if (wasActive)
        {
            Update(run, s => s with { State = ResourceState.Stopping });
        }
        await lifetime.CancelAsync();
        await run.StartTask; // never throws: RunAsync reports its own failures

        var exitCodes = await StopProcessesAsync(run);

        if (wasActive)
        {
            if (exitCodes.Length > 0)
            {
                Log(run, "Stopped.");
            }
            Update(run, s => s with
            {
                State = ResourceState.Exited,
                HealthStatus = null,
                HealthDescription = null,
                ExitCode = exitCodes.Length > 0 ? exitCodes[^1] : null,
                StoppedAt = DateTimeOffset.UtcNow,
                Replicas = [.. s.Replicas.Select(r => r.State == ResourceState.Running ? r with { State = ResourceState.Exited, HealthStatus = null } : r)],
            });
        }
        run.Lifetime = null;
        lifetime.Dispose();
    }

    /// <summary>Stops the main processes, then the helpers, then lets the launcher tidy up; returns the exit codes.</summary>
    private async Task<int[]> StopProcessesAsync(ResourceRun run)
    {
        run.IsStopping = true;
        var exitCodes = await Task.WhenAll(run.Replicas.OfType<ChildProcess>().Select(p => p.StopAsync(_options.StopGracePeriod)));
        foreach (var (_, helper) in Enumerable.Reverse(run.Helpers))
        {
            await helper.StopAsync(_options.StopGracePeriod);
        }
        run.Helpers.Clear();
        if (run.LaunchContext is { } context)
        {
            run.Launcher?.CleanUp(context);
            run.LaunchContext = null;
        }
        run.Replicas = [];
        run.IsStopping = false;
        return exitCodes;
    }

    /// <summary>One run of a resource: wait, start, then watch its health until stopped.</summary>
    private async Task RunAsync(ResourceRun run, CancellationToken lifetime)
    {
        try
        {
            await WaitForDependenciesAsync(run, lifetime);
            Update(run, s => s with { State = ResourceState.Starting, Message = null });
            await LaunchAsync(run, lifetime);
            var launched = Update(run, s => AllReplicasExited(s) ? Exited(s) : s with { State = ResourceState.Running, StartedAt = DateTimeOffset.UtcNow });
            if (launched.State != ResourceState.Running)
            {
                return; // every process already exited: OnReplicaExited has reported it
            }
            if (run.Launcher is not null)
            {
                _logger.LogInformation("{Resource} is running.", run.Name);
            }
            foreach (var child in ChildrenOf(run.Resource))
            {
                await StartResourceAsync(child.Name);
            }
            await MonitorHealthAsync(run, lifetime);
        }
        catch (Exception) when (lifetime.IsCancellationRequested)
        {
            // Stopped by a command; StopLockedAsync reports the state.
        }
        catch (Exception exception)
        {
            var message = exception is DistributedApplicationException ? exception.Message : $"{exception.GetType().Name}: {exception.Message}";
            Log(run, $"Failed to start: {message}", isError: true);
            _logger.LogError("{Resource} failed to start: {Message}", run.Name, message);
            await StopProcessesAsync(run);
            Update(run, s => s with { State = ResourceState.FailedToStart, Message = message, HealthStatus = null });
        }
    }

    /// <summary>What the resource waits for: <c>WaitFor</c> targets to be healthy, its parent to be running.</summary>
    private static List<(IResource Resource, bool NeedsHealth)> GetWaits(ResourceRun run)
    {
        var waits = run.Resource.AnnotationsOfType<WaitAnnotation>().Select(a => (a.Resource, NeedsHealth: true)).ToList();
        if (run.Resource is IResourceWithParent child)
        {
            waits.Add((child.Parent, NeedsHealth: false));
        }
        return waits;
    }

    private async Task WaitForDependenciesAsync(ResourceRun run, CancellationToken lifetime)
    {
        var waits = GetWaits(run);
        if (waits.Count == 0)
        {
            return;
        }

        Update(run, s => s with { State = ResourceState.Waiting, Message = $"Waiting for {string.Join(", ", waits.Select(w => w.Resource.Name))}." });
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(lifetime);
        timeout.CancelAfter(_options.WaitForTimeout);
        try
        {
            await Task.WhenAll(waits.Select(async wait =>
            {
                var snapshot = await _notifications.WaitForResourceAsync(wait.Resource.Name,
                    s => s.IsTerminal || (wait.NeedsHealth ? s.IsHealthy : s.State == ResourceState.Running), timeout.Token);
                if (snapshot.IsTerminal)
                {
                    throw new DistributedApplicationException(
                        $"'{run.Name}' waits for '{wait.Resource.Name}', which is {snapshot}.{Environment.NewLine}Last lines of '{wait.Resource.Name}':{Environment.NewLine}{_logs.GetRecentLines(wait.Resource.Name)}");
                }
            }));
        }
        catch (OperationCanceledException) when (!lifetime.IsCancellationRequested)
        {
            var pending = waits.Select(w => _notifications.GetSnapshot(w.Resource.Name)).Where(s => !s.IsHealthy).ToList();
            throw new DistributedApplicationException(
                $"'{run.Name}' timed out after {_options.WaitForTimeout.TotalSeconds:0} s waiting for "
                + string.Join("; ", pending.Select(s =>
                    $"'{s.Name}' to become healthy: it is {s}{(s.HealthDescription is { } d ? $" - {d}" : "")}.{Environment.NewLine}Last lines of '{s.Name}':{Environment.NewLine}{_logs.GetRecentLines(s.Name)}")));
        }
    }

    private async Task LaunchAsync(ResourceRun run, CancellationToken lifetime)
    {
        run.Launcher ??= ResourceLaunchers.Create(run.Resource);
        if (run.Launcher is not { } launcher)
        {
            return; // nothing to run: a database, a parameter, a connection string
        }

        var context = new LaunchContext(run.Resource, _executionContext, _configuration, _ports,
            message => Log(run, message),
            (name, spec) => StartHelperAsync(run, name, spec));
        run.LaunchContext = context;
        await launcher.PrepareAsync(context, lifetime);

        var replicaCount = run.Resource.GetReplicaCount();
        run.Replicas = new ChildProcess?[replicaCount];
        Update(run, s => s with { Replicas = [.. Enumerable.Range(0, replicaCount).Select(i => new ResourceReplicaSnapshot(run.ReplicaName(i), i))] });
        for (var index = 0; index < replicaCount; index++)
        {
            var replica = index;
            var replicaName = run.ReplicaName(replica);
            var process = await ChildProcess.StartAsync(launcher.GetProcessSpec(context, replica),
                (line, isError) => _logs.Write(run.Name, replicaName, line, isError));
            run.Replicas[replica] = process;
            UpdateReplica(run, replica, r => r with { State = ResourceState.Running, ProcessId = process.ProcessId, StartedAt = DateTimeOffset.UtcNow, ExitCode = null });
            _ = process.Exited.ContinueWith(exit => OnReplicaExited(run, replica, process, exit.Result), TaskScheduler.Default);
        }

        // Post-start work (creating databases) races the processes: a server that dies fails the start at once.
        var started = launcher.OnStartedAsync(context, lifetime);
        var firstExit = Task.WhenAny(run.Replicas.Select(p => p!.Exited));
        if (await Task.WhenAny(started, firstExit) != started)
        {
            var exitCode = await await firstExit;
            throw new DistributedApplicationException($"'{run.Name}' exited with code {exitCode} while starting.{Environment.NewLine}Last lines:{Environment.NewLine}{_logs.GetRecentLines(run.Name)}");
        }
        await started;
    }

    private async Task<ChildProcess> StartHelperAsync(ResourceRun run, string name, ProcessSpec spec)
    {
        var process = await ChildProcess.StartAsync(spec, (line, isError) => _logs.Write(run.Name, $"{run.Name}/{name}", line, isError));
        run.Helpers.Add((name, process));
        return process;
    }

    private void OnReplicaExited(ResourceRun run, int replica, ChildProcess process, int exitCode)
    {
        if (run.IsStopping || !run.Replicas.Contains(process))
        {
            return;
        }
        Log(run, $"{run.ReplicaName(replica)} exited with code {exitCode}.", isError: exitCode != 0);
        _logger.Log(exitCode == 0 ? LogLevel.Information : LogLevel.Error, "{Replica} exited with code {ExitCode}.", run.ReplicaName(replica), exitCode);
        UpdateReplica(run, replica, r => r with { State = ResourceState.Exited, ExitCode = exitCode, HealthStatus = null });

        // While starting, RunAsync notices the exit itself (a server that dies during start-up fails it).
        var snapshot = Update(run, s => s.State == ResourceState.Running && AllReplicasExited(s) ? Exited(s) : s);
        if (snapshot.State == ResourceState.Exited)
        {
            foreach (var child in ChildrenOf(run.Resource))
            {
                _ = StopResourceAsync(child.Name);
            }
        }
    }

    private static bool AllReplicasExited(ResourceSnapshot snapshot) =>
        snapshot.Replicas.Length > 0 && snapshot.Replicas.All(r => r.State == ResourceState.Exited);

    private static ResourceSnapshot Exited(ResourceSnapshot snapshot) => snapshot with
    {
        State = ResourceState.Exited,
        ExitCode = snapshot.Replicas.Select(r => r.ExitCode).LastOrDefault(code => code is not null and not 0) ?? snapshot.Replicas[^1].ExitCode,
        HealthStatus = null,
        HealthDescription = null,
        StoppedAt = DateTimeOffset.UtcNow,
    };

    /// <summary>Runs the resource's health checks against every replica: quickly until healthy, then every few seconds.</summary>
    private async Task MonitorHealthAsync(ResourceRun run, CancellationToken lifetime)
    {
        var checks = run.Resource.AnnotationsOfType<HealthCheckAnnotation>().Select(a => a.Check).ToList();
        var replicaCount = Math.Max(1, run.Replicas.Length);
        var delay = TimeSpan.FromMilliseconds(100);
        while (!lifetime.IsCancellationRequested)
        {
            var results = await Task.WhenAll(Enumerable.Range(0, replicaCount).Select(replica => CheckReplicaAsync(run, checks, replica, lifetime)));
            for (var replica = 0; replica < run.Replicas.Length; replica++)
            {
                var result = results[replica];
                UpdateReplica(run, replica, r => r with { HealthStatus = result?.Status, HealthDescription = result?.Description });
            }

            var unhealthy = results.FirstOrDefault(r => r is not { Status: HealthStatus.Healthy });
            var healthy = unhealthy is null;
            Update(run, s => s.State != ResourceState.Running ? s : s with
            {
                HealthStatus = healthy ? HealthStatus.Healthy : HealthStatus.Unhealthy,
                HealthDescription = unhealthy?.Description,
            });

            if (checks.Count == 0)
            {
                return;
            }
            delay = healthy ? HealthyPollInterval : TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 1.5, 1000));
            await Task.Delay(delay, lifetime);
        }
    }

    private static async Task<HealthCheckResult?> CheckReplicaAsync(ResourceRun run, List<IResourceHealthCheck> checks, int replica, CancellationToken lifetime)
    {
        if (run.Replicas.Length > 0 && run.Replicas[replica] is not { HasExited: false })
        {
            return HealthCheckResult.Unhealthy($"{run.ReplicaName(replica)} is not running.");
        }
        foreach (var check in checks)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(lifetime);
            timeout.CancelAfter(HealthCheckTimeout);
            try
            {
                var result = await check.CheckAsync(replica, timeout.Token);
                if (result.Status != HealthStatus.Healthy)
                {
                    return result;
                }
            }
            catch (Exception exception) when (!lifetime.IsCancellationRequested)
            {
                return HealthCheckResult.Unhealthy($"{exception.GetType().Name}: {exception.Message}");
            }
        }
        return HealthCheckResult.Healthy();
    }

    private IEnumerable<IResource> ChildrenOf(IResource parent) =>
        _model.Resources.OfType<IResourceWithParent>().Where(child => child.Parent == parent);

    private static ImmutableArray<ResourceUrl> GetUrls(IResource resource) =>
    [
        .. resource.GetEndpoints().SelectMany(endpoint => Enumerable.Range(0, endpoint.AllocatedPorts.Count)
            .Select(replica => new ResourceUrl(endpoint.Name, endpoint.GetUrl(replica), endpoint.IsExternal, replica))),
        .. resource.Annotations.OfType<ResourceUrlAnnotation>().Select(link => new ResourceUrl(link.DisplayText, link.Url, IsExternal: true, ReplicaIndex: 0)),
    ];

    private ResourceSnapshot Update(ResourceRun run, Func<ResourceSnapshot, ResourceSnapshot> change) => _notifications.Update(run.Name, change);

    private void UpdateReplica(ResourceRun run, int replica, Func<ResourceReplicaSnapshot, ResourceReplicaSnapshot> change) =>
        _notifications.Update(run.Name, s => replica < s.Replicas.Length ? s with { Replicas = s.Replicas.SetItem(replica, change(s.Replicas[replica])) } : s);

    private void Log(ResourceRun run, string message, bool isError = false) => _logs.Write(run.Name, LogLine.AppHostSource, message, isError);
}
