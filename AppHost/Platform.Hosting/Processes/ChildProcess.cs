using System.Diagnostics;

namespace Platform.Hosting.Processes;

/// <summary>A running child process: its output goes to a callback, and it can be stopped gracefully, then forcibly.</summary>
internal sealed class ChildProcess
{
    private readonly Process _process;
    private readonly ProcessSpec _spec;
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _outputClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _errorClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChildProcess(Process process, ProcessSpec spec)
    {
        _process = process;
        _spec = spec;
    }

    public int ProcessId => _process.Id;

    /// <summary>Completes with the exit code when the process has exited.</summary>
    public Task<int> Exited => _exited.Task;

    public bool HasExited => _exited.Task.IsCompleted;

    /// <param name="onOutput">Receives each line and whether it came from standard error.</param>
    public static async Task<ChildProcess> StartAsync(ProcessSpec spec, Action<string, bool> onOutput)
    {
        var startInfo = ChildProcessSpawner.CreateStartInfo(spec);
        var process = await ChildProcessSpawner.StartAsync(startInfo).ConfigureAwait(false);
        var child = new ChildProcess(process, spec);

        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) child._outputClosed.TrySetResult();
            else onOutput(e.Data, false);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) child._errorClosed.TrySetResult();
            else onOutput(e.Data, true);
        };
        process.Exited += (_, _) => child.OnExited();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.StandardInput.Close();
        if (process.HasExited)
        {
            child.OnExited();
        }
        return child;
    }

    /// <summary>Sends the stop signal, waits up to <paramref name="gracePeriod"/>, then kills the process group.</summary>
    public async Task<int> StopAsync(TimeSpan gracePeriod)
    {
        if (!HasExited && _spec.KillOnStop)
        {
            Kill();
        }
        else if (!HasExited)
        {
            Unix.Signal(ProcessId, _spec.StopSignal);
            if (await Task.WhenAny(Exited, Task.Delay(gracePeriod)).ConfigureAwait(false) != Exited)
            {
                Unix.SignalGroup(ProcessId, UnixSignal.Kill);
            }
        }
        var exitCode = await Exited.ConfigureAwait(false);
        // Whatever the process left behind in its group (a server's worker processes) goes with it.
        Unix.SignalGroup(ProcessId, UnixSignal.Kill);
        return exitCode;
    }

    /// <summary>Kills the process group at once (used for tests of crash behaviour and forced stops).</summary>
    public void Kill() => Unix.SignalGroup(ProcessId, UnixSignal.Kill);

    private void OnExited()
    {
        int exitCode;
        try
        {
            exitCode = _process.ExitCode;
        }
        catch (InvalidOperationException)
        {
            return; // not exited yet: the Exited event will call again
        }
        ChildProcessSpawner.Forget(ProcessId);
        _ = ReportExitAsync(exitCode);
    }

    private async Task ReportExitAsync(int exitCode)
    {
        // Report the exit after the last words: its final output lines often say why it exited. A
        // process it left behind may hold the pipes open, so do not wait for them for long.
        await Task.WhenAny(Task.WhenAll(_outputClosed.Task, _errorClosed.Task), Task.Delay(TimeSpan.FromSeconds(1)));
        _exited.TrySetResult(exitCode);
    }
}
