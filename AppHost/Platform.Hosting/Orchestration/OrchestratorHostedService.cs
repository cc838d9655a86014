using Microsoft.Extensions.Hosting;

namespace Platform.Hosting.Orchestration;

/// <summary>Ties the orchestrator to the host's lifetime: Ctrl+C and SIGTERM stop every resource in order.</summary>
internal sealed class OrchestratorHostedService(ApplicationOrchestrator orchestrator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => orchestrator.StartAllAsync();

    public Task StopAsync(CancellationToken cancellationToken) => orchestrator.StopAllAsync();
}
