namespace Platform.Hosting.Tests;

internal sealed record ProcessInfo(int Pid, int ParentPid, int SessionId, char State, string Name)
{
    /// <summary>Zombies have exited; only their parent has not collected them (nobody reaps orphans here).</summary>
    public bool IsAlive => State is not ('Z' or 'X');
}

/// <summary>The machine's processes, read from /proc.</summary>
internal static class ProcessTable
{
    public static IReadOnlyList<ProcessInfo> Read()
    {
        var processes = new List<ProcessInfo>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }
            try
            {
                // "pid (name) state ppid pgrp session ...": the name may hold spaces and parentheses.
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var nameEnd = stat.LastIndexOf(')');
                var name = stat[(stat.IndexOf('(') + 1)..nameEnd];
                var fields = stat[(nameEnd + 2)..].Split(' ');
                processes.Add(new ProcessInfo(pid, int.Parse(fields[1]), int.Parse(fields[3]), fields[0][0], name));
            }
            catch (IOException)
            {
                // The process exited while we looked.
            }
        }
        return processes;
    }

    public static ProcessInfo? Find(int pid) => Read().FirstOrDefault(p => p.Pid == pid);

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

    public static IReadOnlyList<ProcessInfo> DescendantsOf(int ancestor)
    {
        var all = Read();
        var found = new List<ProcessInfo>();
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
    public static IReadOnlyList<ProcessInfo> StillAlive(IEnumerable<ProcessInfo> processes)
    {
        var now = Read().ToDictionary(p => p.Pid);
        return processes.Where(p => now.TryGetValue(p.Pid, out var current) && current.IsAlive && current.Name == p.Name).ToList();
    }

    public static async Task<IReadOnlyList<ProcessInfo>> WaitUntilGoneAsync(IReadOnlyList<ProcessInfo> processes, TimeSpan timeout)
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
