using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.Hosting.ApplicationModel;

namespace Platform.Hosting.Orchestration;

/// <summary>What the AppHost prints: every resource's output, prefixed with its name, and where everything is.</summary>
internal sealed class ConsoleOutput
{
    private static readonly ConsoleColor[] Palette =
        [ConsoleColor.Cyan, ConsoleColor.Green, ConsoleColor.Magenta, ConsoleColor.Yellow, ConsoleColor.Blue, ConsoleColor.DarkCyan, ConsoleColor.DarkGreen, ConsoleColor.DarkYellow];

    private readonly Lock _lock = new();
    private readonly Dictionary<string, ConsoleColor> _colors = new(StringComparer.Ordinal);
    private readonly bool _useColor = !Console.IsOutputRedirected;

    public void Echo(string resourceName, LogLine line)
    {
        lock (_lock)
        {
            if (!_colors.TryGetValue(resourceName, out var color))
            {
                _colors[resourceName] = color = Palette[_colors.Count % Palette.Length];
            }
            var prefix = $"{(line.IsFromAppHost ? resourceName : line.Replica),-16}| ";
            var text = line.IsFromAppHost ? $"[apphost] {line.Text}" : line.Text;
            if (_useColor)
            {
                Console.ForegroundColor = line.IsError ? ConsoleColor.Red : color;
                Console.Write(prefix);
                Console.ResetColor();
                Console.WriteLine(text);
            }
            else
            {
                Console.WriteLine(prefix + text);
            }
        }
    }

    /// <summary>The one-time login link of the dashboard; printed again with a fresh token each time one is used.</summary>
    public void PrintDashboardLogin(string loginUrl)
    {
        lock (_lock)
        {
            Console.WriteLine($"Dashboard: {loginUrl}");
        }
    }

    public void PrintSummary(
        DistributedApplicationModel model, IReadOnlyList<ResourceSnapshot> snapshots, DistributedApplicationExecutionContext execution, string? dashboardLoginUrl)
    {
        var text = new StringBuilder();
        text.AppendLine().AppendLine("Platform is running:").AppendLine();
        foreach (var resource in model.Resources.Where(r => r is not ParameterResource))
        {
            var snapshot = snapshots.First(s => s.Name == resource.Name);
            var status = snapshot.IsHealthy ? "healthy" : $"{snapshot.State}{(snapshot.HealthStatus is HealthStatus.Unhealthy ? ", unhealthy" : "")}".ToLowerInvariant();
            var where = snapshot.Urls.Length > 0
                ? string.Join("  ", snapshot.Urls.Select(u => $"{(u.EndpointName is "http" or "tcp" ? "" : u.EndpointName + " ")}{u.Url}"))
                : resource is PostgresDatabaseResource database ? $"database {database.DatabaseName} on {database.Server.Name}" : "";
            text.AppendLine($"  {resource.Name,-18} {resource.GetResourceType(),-20} {status,-10} {where}");
        }
        text.AppendLine().AppendLine($"  Dashboard: {dashboardLoginUrl ?? "disabled"}");
        text.AppendLine($"  Data: {execution.DataDirectory}");
        text.AppendLine("  Press Ctrl+C to stop everything.").AppendLine();
        lock (_lock)
        {
            Console.Write(text.ToString());
        }
    }
}
