using Platform.Hosting.Processes;
using Platform.Hosting.Orchestration;

namespace Platform.Hosting.Tests;

internal static class ApplicationProcesses
{
    /// <summary>
    /// Every process a running application started: each child runs in its own session (setsid), led by
    /// a replica process or by a helper whose working folder is the application's data folder.
    /// </summary>
    public static IReadOnlyList<ProcessStatus> Of(DistributedApplication app)
    {
        var all = ProcessTable.Read();
        var sessions = app.ResourceNotifications.GetSnapshots()
            .SelectMany(s => s.Replicas).Select(r => r.ProcessId).OfType<int>()
            .Concat(all.Where(p => ProcessTable.WorkingDirectory(p.Pid)?.StartsWith(app.ExecutionContext.DataDirectory, StringComparison.Ordinal) == true)
                .Select(p => p.SessionId))
            .ToHashSet();
        return all.Where(p => sessions.Contains(p.SessionId) && p.IsAlive).ToList();
    }
}
