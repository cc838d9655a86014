using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace Aspire.Hosting.LocalProcesses;

/// <summary>An account from /etc/passwd, where Debian's server packages create theirs.</summary>
internal sealed record UnixAccount(string Name, uint UserId, uint GroupId)
{
    public static bool IsRoot => Environment.IsPrivilegedProcess;

    public static UnixAccount? Find(string name) => File.ReadLines("/etc/passwd")
        .Select(line => line.Split(':'))
        .Where(fields => fields.Length >= 4 && fields[0] == name)
        .Select(fields => new UnixAccount(fields[0], uint.Parse(fields[2]), uint.Parse(fields[3])))
        .FirstOrDefault();

    public void Own(string path)
    {
        if (chown(path, UserId, GroupId) != 0)
        {
            throw new IOException($"chown {Name} {path} failed with errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int chown([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint owner, uint group);
}

[SupportedOSPlatform("linux")]
internal static class PrivateFile
{
    /// <summary>Writes a file only its owner can read: it holds a password.</summary>
    public static void Write(string path, string contents)
    {
        File.WriteAllText(path, contents);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
