namespace Platform.Hosting.Processes;

/// <summary>A process as /proc/&lt;pid&gt;/stat describes it.</summary>
internal sealed record ProcessStatus(int Pid, string Name, char State, int ParentPid, int SessionId)
{
    /// <summary>Zombies have exited; only their parent has not collected them yet.</summary>
    public bool IsAlive => State is not ('Z' or 'X');

    /// <summary>Null when the process is gone (or went while we looked).</summary>
    public static ProcessStatus? Read(int pid)
    {
        try
        {
            // "pid (name) state ppid pgrp session ...": the name may hold spaces and parentheses.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var nameEnd = stat.LastIndexOf(')');
            var fields = stat[(nameEnd + 2)..].Split(' ');
            return new ProcessStatus(pid, stat[(stat.IndexOf('(') + 1)..nameEnd], fields[0][0], int.Parse(fields[1]), int.Parse(fields[3]));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public static IEnumerable<ProcessStatus> ReadAll() =>
        Directory.EnumerateDirectories("/proc")
            .Select(directory => int.TryParse(Path.GetFileName(directory), out var pid) ? Read(pid) : null)
            .OfType<ProcessStatus>();
}
