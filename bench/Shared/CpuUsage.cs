namespace Platform.Bench;

/// <summary>The CPU time spent between two <see cref="CpuSnapshot"/>s: the machine's, and each program's.</summary>
internal sealed record CpuUsage(TimeSpan MachineBusy, IReadOnlyDictionary<string, TimeSpan> ByProgram)
{
    /// <summary>
    /// E.g. "CPU 41.3 ms per order (machine busy 95 %): Platform.Orders 12.1, postgres 6.0, ...": the machine's busy
    /// time per unit of work, then the programs that used at least 2 % of it.
    /// </summary>
    public string PerUnit(int units, string unit, TimeSpan elapsed)
    {
        var perUnit = MachineBusy.TotalMilliseconds / Math.Max(1, units);
        var busy = MachineBusy / (elapsed * Environment.ProcessorCount);
        var programs = ByProgram.Where(p => p.Value >= MachineBusy * 0.02).OrderByDescending(p => p.Value)
            .Select(p => $"{p.Key} {p.Value.TotalMilliseconds / Math.Max(1, units):0.00}");
        return $"CPU {perUnit:0.00} ms per {unit} (machine busy {busy:P0}): {string.Join(", ", programs)}";
    }
}
