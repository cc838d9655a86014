using Platform.Hosting.Processes;

namespace Platform.Hosting.Tests;

/// <summary>The machine's processes, read from /proc.</summary>
internal static class ProcessTable
{
    public static IReadOnlyList<ProcessStatus> Read() => [.. ProcessStatus.ReadAll()];

    public static ProcessStatus? Find(int pid) => Read().FirstOrDefault(p => p.Pid == pid);

    public static string? WorkingDirectory(int pid)
    {
        try
        {
            return new FileInfo($"/proc/{pid}/cwd").LinkTarget;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static IReadOnlyList<ProcessStatus> DescendantsOf(int ancestor)
    {
        var all = Read();
        var found = new List<ProcessStatus>();
        var parents = new HashSet<int> { ancestor };
        bool added;
        do
        {
            var next = all.Where(p => parents.Contains(p.ParentPid) && !parents.Contains(p.Pid)).ToList();
            found.AddRange(next);
            parents.UnionWith(next.Select(p => p.Pid));
            added = next.Count > 0;
        }
        while (added);
        return found;
    }

    /// <summary>Those of <paramref name="processes"/> still running (same PID, same program).</summary>
    public static IReadOnlyList<ProcessStatus> StillAlive(IEnumerable<ProcessStatus> processes)
    {
        var now = Read().ToDictionary(p => p.Pid);
        return processes.Where(p => now.TryGetValue(p.Pid, out var current) && current.IsAlive && current.Name == p.Name).ToList();
    }

    public static async Task<IReadOnlyList<ProcessStatus>> WaitUntilGoneAsync(IReadOnlyList<ProcessStatus> processes, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var alive = StillAlive(processes);
            if (alive.Count == 0 || DateTime.UtcNow > deadline)
            {
                return alive;
            }
            await Task.Delay(100);
        }
    }
}
