namespace Platform.Bench;

/// <summary>
/// The CPU time used so far by the machine and by each of its processes, read from /proc. Two snapshots give the
/// CPU time a piece of work cost, summed over every process the system runs (services, servers, DCP, the bench).
/// </summary>
internal sealed record CpuSnapshot(TimeSpan MachineBusy, IReadOnlyDictionary<int, ProcessCpu> Processes)
{
    // USER_HZ: the unit of /proc's CPU times, 100 on every Linux architecture .NET runs on.
    private const double TicksPerSecond = 100;

    public static CpuSnapshot Take()
    {
        var processes = new Dictionary<int, ProcessCpu>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var pid) && ProcessCpu.TryRead(pid) is { } process)
            {
                processes[pid] = process;
            }
        }
        return new CpuSnapshot(ReadMachineBusy(), processes);
    }

    /// <summary>CPU time per program (replicas and PostgreSQL's backends summed) between this snapshot and a later one.</summary>
    public CpuUsage Until(CpuSnapshot later)
    {
        var byProgram = new Dictionary<string, TimeSpan>();
        foreach (var (pid, process) in later.Processes)
        {
            var before = Processes.TryGetValue(pid, out var earlier) && earlier.Program == process.Program ? earlier.Used : TimeSpan.Zero;
            byProgram[process.Program] = byProgram.GetValueOrDefault(process.Program) + (process.Used - before);
        }
        return new CpuUsage(later.MachineBusy - MachineBusy, byProgram);
    }

    // The first line of /proc/stat: user nice system idle iowait irq softirq steal ...; busy is all but idle and iowait.
    private static TimeSpan ReadMachineBusy()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();
        var busy = fields.Take(8).Sum() - fields[3] - fields[4];
        return TimeSpan.FromSeconds(busy / TicksPerSecond);
    }

    internal static TimeSpan FromTicks(long ticks) => TimeSpan.FromSeconds(ticks / TicksPerSecond);
}
