using System.Runtime.InteropServices;

namespace Aspire.Hosting.LocalProcesses;

internal static class ProcessSignal
{
    /// <summary>Sends a signal to one process; false when it no longer exists.</summary>
    public static bool Send(int processId, int signal) => kill(processId, signal) == 0;

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);
}
