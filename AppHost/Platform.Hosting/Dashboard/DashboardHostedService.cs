using Microsoft.Extensions.Hosting;
using Platform.Dashboard;
using Platform.Hosting.Orchestration;

namespace Platform.Hosting.Dashboard;

/// <summary>Runs the dashboard's web server for as long as the application runs (started first, stopped last).</summary>
internal sealed class DashboardHostedService(
    DashboardOptions dashboardOptions,
    DashboardResourceService resources,
    ConsoleOutput console,
    DistributedApplicationOptions options) : IHostedService, IAsyncDisposable
{
    private DashboardWebApplication? _dashboard;

    /// <summary>The running dashboard, null before the application starts.</summary>
    public DashboardWebApplication? Dashboard => _dashboard;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var dashboard = DashboardWebApplication.Create(dashboardOptions with
        {
            LoginUrlIssued = options.IsTesting ? null : console.PrintDashboardLogin,
            LogWarningsToConsole = !options.IsTesting,
        }, resources);
        await dashboard.StartAsync(cancellationToken);
        _dashboard = dashboard;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_dashboard is { } dashboard)
        {
            await dashboard.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _dashboard, null) is { } dashboard)
        {
            await dashboard.DisposeAsync();
        }
    }
}
