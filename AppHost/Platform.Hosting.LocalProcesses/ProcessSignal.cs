using System.Runtime.InteropServices;

namespace Aspire.Hosting.LocalProcesses;

internal static class ProcessSignal
{
    public const int SigTerm = 15;

    /// <summary>Sends a signal to one process; false when it no longer exists.</summary>
    public static bool Send(int processId, int signal) => kill(processId, signal) == 0;

    /// <summary>
    /// Waits until a process that is not our child has exited (or is a zombie waiting for its parent), at most
    /// <paramref name="timeout"/>.
    /// </summary>
    public static async Task WaitForExitAsync(int processId, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (IsRunning(processId) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            // The state follows the parenthesized command name: "pid (comm) S ...".
            var stat = File.ReadAllText($"/proc/{processId}/stat");
            return stat[(stat.LastIndexOf(')') + 2)] is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);
}
