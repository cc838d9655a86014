using System.Collections.Concurrent;
using System.Diagnostics;

namespace Platform.Hosting.Processes;

/// <summary>
/// Starts every child process, from one dedicated thread. Each child is wrapped in
/// <c>setsid setpriv --pdeathsig SIG</c> (util-linux):
/// <list type="bullet">
/// <item>setsid puts it in its own process group, so Ctrl+C in the terminal reaches only the AppHost
/// (which then stops children in dependency order), and a forced stop can kill the whole group;</item>
/// <item>the parent-death signal stops it when the AppHost dies without cleaning up, SIGKILL included.
/// Linux sends that signal when the <em>thread</em> that forked the child exits, which is why all
/// children are forked from this one thread that lives as long as the process.</item>
/// </list>
/// </summary>
internal static class ChildProcessSpawner
{
    private static readonly BlockingCollection<(ProcessStartInfo StartInfo, TaskCompletionSource<Process> Started)> Requests = [];
    private static readonly ConcurrentDictionary<int, Process> Running = new();

    static ChildProcessSpawner()
    {
        OrphanReaper.Start(Running.ContainsKey);
        new Thread(ServeRequests) { IsBackground = true, Name = "Child process spawner" }.Start();
        // Last guard for an orderly exit that skipped the orchestrator's shutdown (an unhandled exception, say).
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
    }

    public static Task<Process> StartAsync(ProcessStartInfo startInfo)
    {
        var started = new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously);
        Requests.Add((startInfo, started));
        return started.Task;
    }

    /// <summary>Builds the start info for a spec: the wrapper, the environment, redirected output.</summary>
    public static ProcessStartInfo CreateStartInfo(ProcessSpec spec)
    {
        var startInfo = new ProcessStartInfo(Wrapper("setsid"))
        {
            WorkingDirectory = spec.WorkingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        var signalName = spec.StopSignal switch
        {
            UnixSignal.Interrupt => "INT",
            UnixSignal.Kill => "KILL",
            _ => "TERM",
        };
        startInfo.ArgumentList.Add(Wrapper("setpriv"));
        startInfo.ArgumentList.Add($"--pdeathsig={signalName}");
        if (spec.RunAs is { } user)
        {
            startInfo.ArgumentList.Add($"--reuid={user.UserId}");
            startInfo.ArgumentList.Add($"--regid={user.GroupId}");
            startInfo.ArgumentList.Add("--init-groups");
        }
        startInfo.ArgumentList.Add("--");
        startInfo.ArgumentList.Add(spec.FileName);
        foreach (var argument in spec.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var inherited in startInfo.Environment.Keys.Where(IsAppHostOnlyVariable).ToList())
        {
            startInfo.Environment.Remove(inherited);
        }
        foreach (var (name, value) in spec.Environment)
        {
            startInfo.Environment[name] = value;
        }
        return startInfo;
    }

    internal static void Forget(int pid) => Running.TryRemove(pid, out _);

    /// <summary>
    /// Waits until the orphans of stopped children have exited and collects them; those still running
    /// after <paramref name="gracePeriod"/> (a helper that daemonized, say) are killed.
    /// </summary>
    public static async Task CollectOrphansAsync(TimeSpan gracePeriod)
    {
        var deadline = DateTime.UtcNow + gracePeriod;
        while (OrphanReaper.Reap(Running.ContainsKey) > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                OrphanReaper.Reap(Running.ContainsKey, killRunning: true);
                await Task.Delay(50);
                OrphanReaper.Reap(Running.ContainsKey);
                return;
            }
            await Task.Delay(50);
        }
    }

    private static void ServeRequests()
    {
        foreach (var (startInfo, started) in Requests.GetConsumingEnumerable())
        {
            try
            {
                var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
                process.Start();
                Running[process.Id] = process;
                started.SetResult(process);
            }
            catch (Exception exception)
            {
                started.SetException(exception);
            }
        }
    }

    private static void KillAll()
    {
        foreach (var pid in Running.Keys)
        {
            Unix.SignalGroup(pid, UnixSignal.Kill);
        }
    }

    // The AppHost's own listen addresses and wiring must not leak into the processes it starts.
    private static bool IsAppHostOnlyVariable(string name) =>
        name is "ASPNETCORE_URLS" or "HTTP_PORTS" or "HTTPS_PORTS" or "ASPNETCORE_HTTP_PORTS" or "ASPNETCORE_HTTPS_PORTS" or "DOTNET_LAUNCH_PROFILE"
        || name.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("services__", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Parameters__", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("OTEL_", StringComparison.Ordinal);

    private static string Wrapper(string name)
    {
        foreach (var directory in new[] { "/usr/bin", "/bin", "/usr/sbin" })
        {
            var path = Path.Combine(directory, name);
            if (File.Exists(path))
            {
                return path;
            }
        }
        throw new DistributedApplicationException($"'{name}' was not found: install the Debian/Ubuntu package 'util-linux'.");
    }
}
