using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Platform.ServiceDefaults.Telemetry;

/// <summary>
/// Creates the providers when the host starts, so they listen from the first request, and flushes them when it
/// stops; the container disposes them (which shuts them down) after that.
/// </summary>
internal sealed class TelemetryProvidersHostedService(TracerProvider tracerProvider, MeterProvider meterProvider) : IHostedService
{
    private const int FlushTimeoutMilliseconds = 5_000;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        tracerProvider.ForceFlush(FlushTimeoutMilliseconds);
        meterProvider.ForceFlush(FlushTimeoutMilliseconds);
        return Task.CompletedTask;
    }
}
