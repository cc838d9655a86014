using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Hosting.ApplicationModel;
using Platform.Hosting.Dashboard;
using Platform.Hosting.Orchestration;

namespace Platform.Hosting;

/// <summary>A built application model, ready to run: the equivalent of Aspire's <c>DistributedApplication</c>.</summary>
public sealed class DistributedApplication : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly ConsoleOutput _console;
    private bool _started;
    private bool _disposed;

    internal DistributedApplication(IHost host, DistributedApplicationOptions options)
    {
        _host = host;
        _console = Services.GetRequiredService<ConsoleOutput>();
        Model = Services.GetRequiredService<DistributedApplicationModel>();
        ExecutionContext = Services.GetRequiredService<DistributedApplicationExecutionContext>();
        ResourceNotifications = Services.GetRequiredService<ResourceNotificationService>();
        ResourceLogs = Services.GetRequiredService<ResourceLoggerService>();
        ResourceCommands = Services.GetRequiredService<ResourceCommandService>();
        if (options.EchoResourceLogs)
        {
            ResourceLogs.LineWritten += _console.Echo;
        }
    }

    public static IDistributedApplicationBuilder CreateBuilder(string[] args) =>
        new DistributedApplicationBuilder(new DistributedApplicationOptions { Args = args });

    public static IDistributedApplicationBuilder CreateBuilder(DistributedApplicationOptions options) =>
        new DistributedApplicationBuilder(options);

    public IServiceProvider Services => _host.Services;

    public DistributedApplicationModel Model { get; }

    public DistributedApplicationExecutionContext ExecutionContext { get; }

    public ResourceNotificationService ResourceNotifications { get; }

    public ResourceLoggerService ResourceLogs { get; }

    public ResourceCommandService ResourceCommands { get; }

    /// <summary>The dashboard's address (<c>http://127.0.0.1:18888</c> in development); null when it is disabled or not started.</summary>
    public string? DashboardUrl => Services.GetService<DashboardHostedService>()?.Dashboard?.Url;

    /// <summary>The dashboard's login URL with the current one-time token; null when it is disabled or not started.</summary>
    public string? GetDashboardLoginUrl() => Services.GetService<DashboardHostedService>()?.Dashboard?.LoginUrl;

    /// <summary>Starts every resource; returns once each start is under way (use the notifications to await health).</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        _started = true;
        await _host.StartAsync(cancellationToken);
    }

    /// <summary>Stops every resource in reverse dependency order.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => _host.StopAsync(cancellationToken);

    /// <summary>Starts everything, prints where everything is once it is up, and runs until Ctrl+C or SIGTERM.</summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        await StartAsync(cancellationToken);
        _ = PrintSummaryWhenSettledAsync(Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
        await _host.WaitForShutdownAsync(cancellationToken);
        await DisposeAsync();
    }

    public void Run() => RunAsync().GetAwaiter().GetResult();

    /// <summary>The environment one process of a resource gets (the values of secrets included).</summary>
    public IReadOnlyDictionary<string, string> GetEnvironmentVariables(string resourceName, int replica = 0) =>
        ResourceEnvironment.Resolve(Model.GetResource(resourceName), replica, ExecutionContext).EnvironmentVariables;

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        if (_started)
        {
            await _host.StopAsync();
        }
        _host.Dispose();
        foreach (var disposable in Model.Resources.SelectMany(r => r.AnnotationsOfType<HealthCheckAnnotation>()).Select(a => a.Check).OfType<IDisposable>())
        {
            disposable.Dispose();
        }
        if (ExecutionContext.IsDataEphemeral && Directory.Exists(ExecutionContext.DataDirectory))
        {
            Directory.Delete(ExecutionContext.DataDirectory, recursive: true);
        }
    }

    private async Task PrintSummaryWhenSettledAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var _ in ResourceNotifications.WatchAsync(cancellationToken))
            {
                var snapshots = ResourceNotifications.GetSnapshots();
                if (snapshots.All(s => s.IsHealthy || s.IsTerminal))
                {
                    _console.PrintSummary(Model, snapshots, ExecutionContext, GetDashboardLoginUrl());
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped before everything was up.
        }
    }
}
