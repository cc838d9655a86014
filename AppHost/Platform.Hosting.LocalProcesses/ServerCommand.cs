using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting.LocalProcesses;

/// <summary>Runs a short server tool (such as <c>initdb</c>) to completion, its output in the resource's log.</summary>
internal static class ServerCommand
{
    public static async Task RunAsync(string program, IReadOnlyList<string> arguments, UnixAccount? runAs, ILogger logger, CancellationToken cancellationToken)
    {
        var start = runAs is null
            ? new ProcessStartInfo(program, arguments)
            : new ProcessStartInfo(ServerPrograms.FindOnPath("setpriv") ?? "setpriv",
                [$"--reuid={runAs.UserId}", $"--regid={runAs.GroupId}", "--init-groups", "--", program, .. arguments]);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.WorkingDirectory = Path.GetTempPath();

        using var process = Process.Start(start) ?? throw new DistributedApplicationException($"{program} did not start.");
        process.OutputDataReceived += (_, line) => { if (line.Data is not null) logger.LogInformation("{Line}", line.Data); };
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) logger.LogWarning("{Line}", line.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw;
        }
        if (process.ExitCode != 0)
        {
            throw new DistributedApplicationException($"{Path.GetFileName(program)} exited with code {process.ExitCode}; its output is above.");
        }
    }
}
