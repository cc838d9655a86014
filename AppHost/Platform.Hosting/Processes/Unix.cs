using System.Runtime.InteropServices;

namespace Platform.Hosting.Processes;

internal enum UnixSignal
{
    Interrupt = 2,
    Kill = 9,
    Terminate = 15,
}

/// <summary>An account from /etc/passwd.</summary>
internal sealed record UnixUser(string Name, uint UserId, uint GroupId)
{
    /// <summary>
    /// Reads /etc/passwd, where Debian's server packages create their accounts
    /// (a directory service such as LDAP is not consulted).
    /// </summary>
    public static UnixUser? Find(string name) => File.ReadLines("/etc/passwd")
        .Select(line => line.Split(':'))
        .Where(fields => fields.Length >= 4 && fields[0] == name)
        .Select(fields => new UnixUser(fields[0], uint.Parse(fields[2]), uint.Parse(fields[3])))
        .FirstOrDefault();

    public static bool IsRoot => Environment.IsPrivilegedProcess;
}

internal static partial class Unix
{
    private const int NoSuchProcess = 3;

    /// <summary>Sends a signal; false when the process (or group) no longer exists.</summary>
    public static bool Signal(int pid, UnixSignal signal)
    {
        if (kill(pid, (int)signal) == 0)
        {
            return true;
        }
        var error = Marshal.GetLastPInvokeError();
        return error == NoSuchProcess
            ? false
            : throw new InvalidOperationException($"kill({pid}, {signal}) failed with errno {error}.");
    }

    /// <summary>Signals every process of the process group led by <paramref name="leaderPid"/>.</summary>
    public static bool SignalGroup(int leaderPid, UnixSignal signal) => Signal(-leaderPid, signal);

    /// <summary>
    /// Makes this process the "subreaper" of its descendants: a process orphaned by its parent's death (a
    /// server's worker when the server is killed) is re-parented here instead of to PID 1, which on these
    /// machines never collects them.
    /// </summary>
    public static void BecomeSubreaper()
    {
        const int SetChildSubreaper = 36; // PR_SET_CHILD_SUBREAPER
        if (prctl(SetChildSubreaper, 1, 0, 0, 0) != 0)
        {
            throw new InvalidOperationException($"prctl(PR_SET_CHILD_SUBREAPER) failed with errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    /// <summary>Collects an exited child (a zombie); false when it is still running or not our child.</summary>
    public static bool TryReap(int pid)
    {
        const int NoHang = 1; // WNOHANG
        return waitpid(pid, out _, NoHang) == pid;
    }

    public static void ChangeOwner(string path, UnixUser owner)
    {
        if (chown(path, owner.UserId, owner.GroupId) != 0)
        {
            throw new IOException($"chown {owner.Name} {path} failed with errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);

    [DllImport("libc", SetLastError = true)]
    private static extern int prctl(int option, ulong arg2, ulong arg3, ulong arg4, ulong arg5);

    [DllImport("libc", SetLastError = true)]
    private static extern int waitpid(int pid, out int status, int options);

    [DllImport("libc", SetLastError = true)]
    private static extern int chown([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint owner, uint group);
}
