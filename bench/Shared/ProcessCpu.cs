namespace Platform.Bench;

/// <summary>One process's program name and the CPU time it and its exited children have used.</summary>
internal sealed record ProcessCpu(string Program, TimeSpan Used)
{
    public static ProcessCpu? TryRead(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so split after its last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // utime, stime, cutime, cstime are fields 14-17 of the line, 12-15 after "pid (comm) ".
            var ticks = long.Parse(fields[11]) + long.Parse(fields[12]) + long.Parse(fields[13]) + long.Parse(fields[14]);
            return ticks == 0 ? null : new ProcessCpu(ProgramName(pid), CpuSnapshot.FromTicks(ticks));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // exited between listing and reading
        }
    }

    // The program, not the host: "dotnet Platform.Orders.dll" is Platform.Orders, "beam.smp ... rabbit" is beam.smp.
    private static string ProgramName(int pid)
    {
        var arguments = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries);
        if (arguments.Length == 0)
        {
            return "[kernel]";
        }
        var program = Path.GetFileName(arguments[0]);
        if (program == "dotnet" && arguments.Skip(1).FirstOrDefault(a => a.EndsWith(".dll", StringComparison.Ordinal)) is { } assembly)
        {
            return Path.GetFileNameWithoutExtension(assembly);
        }
        return program.Split(':')[0]; // PostgreSQL renames its backends "postgres: user db ..."
    }
}
