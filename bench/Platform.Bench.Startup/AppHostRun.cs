using System.Diagnostics;

namespace Platform.Bench.Startup;

internal enum Signal { Term, Kill }

internal sealed record Measurement(TimeSpan ToHealthy, double HostMemoryMiB, double TotalMemoryMiB, Signal Signal, TimeSpan Shutdown);

/// <summary>One run of the AppHost: launch, wait for "Platform is running", measure memory, signal, wait for no process to be left.</summary>
internal static class AppHostRun
{
    public static async Task<Measurement> MeasureAsync(string appHost, string dataFolderArgument, Signal signal)
    {
        var projectFolder = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(appHost)!, "..", "..", ".."));
        var startInfo = LaunchProfile.StartInfoFor(appHost, projectFolder);
        startInfo.ArgumentList.Add(dataFolderArgument);
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(startInfo)!;
        var recent = new Queue<string>();
        void Keep(string? line)
        {
            lock (recent)
            {
                recent.Enqueue(line ?? "");
                if (recent.Count > 30) recent.Dequeue();
            }
        }
        process.OutputDataReceived += (_, e) =>
        {
            Keep(e.Data);
            if (e.Data?.Contains("Platform is running", StringComparison.Ordinal) == true) running.TrySetResult();
        };
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await running.Task.WaitAsync(TimeSpan.FromMinutes(3));
        }
        catch (TimeoutException)
        {
            // SIGTERM, so the AppHost stops DCP and everything it started.
            Process.Start("kill", ["-TERM", process.Id.ToString()])!.WaitForExit();
            await process.WaitForExitAsync();
            lock (recent)
            {
                throw new TimeoutException($"The AppHost did not say 'Platform is running' within 3 minutes. Its last lines:{Environment.NewLine}{string.Join(Environment.NewLine, recent)}");
            }
        }
        var toHealthy = clock.Elapsed;

        var tree = ProcessTree.Of(process.Id);
        var host = tree.Where(p => p.Pid == process.Id || p.Command.Contains("dcp", StringComparison.Ordinal) || p.Command.Contains("Aspire.Dashboard", StringComparison.Ordinal));
        var hostMiB = host.Sum(p => p.RssKiB) / 1024.0;
        var totalMiB = tree.Sum(p => p.RssKiB) / 1024.0;

        var stopping = Stopwatch.StartNew();
        Process.Start("kill", [signal == Signal.Term ? "-TERM" : "-KILL", process.Id.ToString()])!.WaitForExit();
        await process.WaitForExitAsync();
        // DCP and the servers may still be on their way out: wait for every process of the tree to be gone.
        while (tree.Any(p => p.IsAlive()))
        {
            if (stopping.Elapsed > TimeSpan.FromMinutes(1))
            {
                throw new TimeoutException($"Still running a minute after SIG{signal.ToString().ToUpperInvariant()}: {string.Join(", ", tree.Where(p => p.IsAlive()).Select(p => $"{p.Pid} {p.Command}"))}");
            }
            await Task.Delay(50);
        }
        return new Measurement(toHealthy, hostMiB, totalMiB, signal, stopping.Elapsed);
    }
}
