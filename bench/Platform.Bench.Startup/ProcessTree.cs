namespace Platform.Bench.Startup;

/// <summary>A process seen in /proc, with its start time so a reused PID is not mistaken for it.</summary>
internal sealed record ProcessInfo(int Pid, int ParentPid, string StartTime, string Command, long RssKiB)
{
    public bool IsAlive() => ProcessTree.Read(Pid) is { } now && now.StartTime == StartTime;
}

internal static class ProcessTree
{
    /// <summary>
    /// The process and all its descendants at this moment, with DCP's: DCP detaches from the AppHost (its parent
    /// becomes init) and watches it with <c>--monitor &lt;pid&gt;</c>.
    /// </summary>
    public static List<ProcessInfo> Of(int rootPid)
    {
        var all = Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? Read(pid) : null)
            .OfType<ProcessInfo>()
            .ToList();
        var tree = new List<ProcessInfo>();
        var monitor = $"--monitor {rootPid} ";
        var parents = all.Where(p => p.Command.Contains(monitor, StringComparison.Ordinal)).Select(p => p.Pid).Append(rootPid).ToHashSet();
        var added = true;
        while (added)
        {
            var next = all.Where(p => !tree.Contains(p) && (parents.Contains(p.Pid) || parents.Contains(p.ParentPid))).ToList();
            tree.AddRange(next);
            parents.UnionWith(next.Select(p => p.Pid));
            added = next.Count > 0;
        }
        return tree;
    }

    public static ProcessInfo? Read(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // Fields after the command (which may hold spaces) in parentheses: state ppid ... starttime is the 22nd.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var command = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
            var rss = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            var rssKiB = rss is null ? 0 : long.Parse(rss.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
            return new ProcessInfo(pid, int.Parse(fields[1]), fields[19], command, rssKiB);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // gone meanwhile
        }
    }
}
