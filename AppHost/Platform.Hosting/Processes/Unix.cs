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
    private static extern int chown([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint owner, uint group);
}
