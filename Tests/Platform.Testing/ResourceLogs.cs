using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Testing;

public static class ResourceLogsExtension
{
    extension(DistributedApplication app)
    {
        /// <summary>The console lines of the application's resources (see <see cref="Testing.ResourceLogs"/>).</summary>
        public ResourceLogs ResourceLogs => Testing.ResourceLogs.Of(app);
    }
}

/// <summary>One console line of a resource instance (a replica has its own id, e.g. <c>products-abcd1234</c>).</summary>
public sealed record ResourceLogLine(string ResourceName, string ResourceId, string Text, bool IsError);

/// <summary>
/// Keeps every console line of every resource of a running application, so a test can look at what a
/// service wrote and a failed wait can show the last lines. Aspire streams the logs of DCP's processes only
/// while someone watches them; DCP keeps them from the start, so watching late still sees every line.
/// </summary>
public sealed partial class ResourceLogs
{
    private static readonly ConditionalWeakTable<DistributedApplication, ResourceLogs> Collectors = [];

    private readonly ConcurrentQueue<ResourceLogLine> _lines = new();
    private readonly ConcurrentDictionary<string, string> _instances = new();

    private ResourceLogs(DistributedApplication app)
    {
        var stopping = app.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>().ApplicationStopping;
        _ = WatchResourcesAsync(app, stopping);
    }

    /// <summary>The collector of this application, started on first use.</summary>
    public static ResourceLogs Of(DistributedApplication app) => Collectors.GetValue(app, a => new ResourceLogs(a));

    /// <summary>Every line so far of the resource's instances (all replicas), in arrival order.</summary>
    public IReadOnlyList<ResourceLogLine> GetLogs(string resourceName) =>
        _lines.Where(line => line.ResourceName == resourceName || line.ResourceId == resourceName).ToList();

    /// <summary>The ids of the resource's instances seen so far (one per replica), in a stable order.</summary>
    public IReadOnlyList<string> InstancesOf(string resourceName) =>
        _instances.Where(instance => instance.Value == resourceName).Select(instance => instance.Key).Order(StringComparer.Ordinal).ToList();

    public string GetRecentLines(string resourceName, int count = 20) =>
        string.Join(Environment.NewLine, GetLogs(resourceName).TakeLast(count).Select(line => $"    {line.ResourceId}: {line.Text}"));

    private async Task WatchResourcesAsync(DistributedApplication app, CancellationToken stopping)
    {
        var loggers = app.Services.GetRequiredService<ResourceLoggerService>();
        try
        {
            await foreach (var resourceEvent in app.ResourceNotifications.WatchAsync(stopping))
            {
                if (_instances.TryAdd(resourceEvent.ResourceId, resourceEvent.Resource.Name))
                {
                    _ = WatchLogsAsync(loggers, resourceEvent.Resource.Name, resourceEvent.ResourceId, stopping);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task WatchLogsAsync(ResourceLoggerService loggers, string resourceName, string resourceId, CancellationToken stopping)
    {
        try
        {
            await foreach (var batch in loggers.WatchAsync(resourceId).WithCancellation(stopping))
            {
                foreach (var line in batch)
                {
                    _lines.Enqueue(new ResourceLogLine(resourceName, resourceId, DcpTimestamp().Replace(line.Content, ""), line.IsErrorMessage));
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    // DCP prefixes each line of a process with the time it was written.
    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z ")]
    private static partial Regex DcpTimestamp();
}
