namespace Platform.Hosting.Processes;

/// <summary>
/// Collects the orphans of our children. When a server dies or is killed, the processes it started (its
/// workers, helpers that daemonized) are re-parented to this process (see <see cref="Unix.BecomeSubreaper"/>)
/// and must be waited for, or they stay zombies: PID 1 on these machines never collects them.
/// </summary>
/// <remarks>
/// Only processes from other sessions are collected: every child the spawner starts leads a session of its
/// own (setsid), so an orphan of ours never shares this process's session, while a child that .NET started
/// for someone else (a test's <c>Process.Start</c>) does, and is left to <see cref="System.Diagnostics.Process"/>.
/// The spawner's direct children are left to it too.
/// </remarks>
internal static class OrphanReaper
{
    private static readonly int Self = Environment.ProcessId;
    private static readonly int OwnSession = ReadStat(Self)?.Session ?? 0;
    private static Timer? _timer;

    public static void Start(Func<int, bool> isDirectChild)
    {
        Unix.BecomeSubreaper();
        _timer = new Timer(_ => Reap(isDirectChild), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    /// <summary>Collects exited orphans (killing running ones first when asked); returns how many still run.</summary>
    public static int Reap(Func<int, bool> isDirectChild, bool killRunning = false)
    {
        var running = 0;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid) || ReadStat(pid) is not { } stat)
            {
                continue;
            }
            if (stat.Parent != Self || stat.Session == OwnSession || isDirectChild(pid))
            {
                continue;
            }
            if (stat.State != 'Z' && killRunning)
            {
                Unix.Signal(pid, UnixSignal.Kill);
            }
            if (stat.State == 'Z' || killRunning)
            {
                Unix.TryReap(pid);
            }
            else
            {
                running++;
            }
        }
        return running;
    }

    private static (char State, int Parent, int Session)? ReadStat(int pid)
    {
        try
        {
            // "pid (name) state ppid pgrp session ...": the name may hold spaces and parentheses.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (fields[0][0], int.Parse(fields[1]), int.Parse(fields[3]));
        }
        catch (IOException)
        {
            return null; // gone while we looked
        }
    }
}
