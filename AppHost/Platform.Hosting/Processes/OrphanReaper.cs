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
    private static readonly int OwnSession = ProcessStatus.Read(Self)?.SessionId ?? 0;
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
        foreach (var process in ProcessStatus.ReadAll())
        {
            if (process.ParentPid != Self || process.SessionId == OwnSession || isDirectChild(process.Pid))
            {
                continue;
            }
            if (process.IsAlive && killRunning)
            {
                Unix.Signal(process.Pid, UnixSignal.Kill);
            }
            if (!process.IsAlive || killRunning)
            {
                Unix.TryReap(process.Pid);
            }
            else
            {
                running++;
            }
        }
        return running;
    }
}
