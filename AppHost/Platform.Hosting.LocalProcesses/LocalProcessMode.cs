using System.Diagnostics;
using Microsoft.Extensions.Configuration;

namespace Aspire.Hosting.LocalProcesses;

/// <summary>
/// Decides whether a server resource runs as a local process. Configuration key <c>LocalProcesses:Mode</c>:
/// <c>Auto</c> (the default) runs local processes only when no container runtime answers, <c>Always</c> runs
/// them even where one does, <c>Never</c> leaves every resource to its container.
/// </summary>
internal static class LocalProcessMode
{
    public const string ConfigurationKey = "LocalProcesses:Mode";

    // One answer per AppHost process: asking the runtime costs a process start.
    private static readonly Lazy<bool> s_containerRuntimeAnswers = new(() => ContainerRuntimeAnswers(ContainerRuntimeName()));

    public static bool RunsLocally(IConfiguration configuration) => configuration[ConfigurationKey]?.ToLowerInvariant() switch
    {
        null or "" or "auto" => !s_containerRuntimeAnswers.Value,
        "always" => true,
        "never" => false,
        var other => throw new DistributedApplicationException(
            $"{ConfigurationKey} is '{other}'; use Auto (local processes when no container runtime answers), Always or Never."),
    };

    /// <summary>The runtime Aspire itself would use (ASPIRE_CONTAINER_RUNTIME, else docker).</summary>
    private static string ContainerRuntimeName() =>
        Environment.GetEnvironmentVariable("ASPIRE_CONTAINER_RUNTIME")
        ?? Environment.GetEnvironmentVariable("DOTNET_ASPIRE_CONTAINER_RUNTIME")
        ?? "docker";

    private static bool ContainerRuntimeAnswers(string runtime)
    {
        try
        {
            using var info = Process.Start(new ProcessStartInfo(runtime, ["info", "--format", "{{.ServerVersion}}"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (info is null)
            {
                return false;
            }
            if (!info.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                info.Kill();
                return false;
            }
            return info.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // no such program
        }
    }
}
