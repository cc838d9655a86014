using Platform.Hosting.ApplicationModel;
using Platform.Hosting.Orchestration;
using Platform.Hosting.Processes;

namespace Platform.Hosting.Launchers;

/// <summary>Runs a project from its build output with <c>dotnet &lt;assembly&gt;</c>, one process per replica.</summary>
internal sealed class ProjectLauncher(ProjectResource project) : IResourceLauncher
{
    public Task PrepareAsync(LaunchContext context, CancellationToken cancellationToken)
    {
        if (!File.Exists(project.Metadata.TargetPath))
        {
            throw new DistributedApplicationException(
                $"Project '{project.Name}' has no build output at {project.Metadata.TargetPath}: build the solution first (dotnet build).");
        }
        return Task.CompletedTask;
    }

    public ProcessSpec GetProcessSpec(LaunchContext context, int replica) =>
        new(DotnetHost.Path, [project.Metadata.TargetPath], Path.GetDirectoryName(project.Metadata.ProjectPath)!)
        {
            Environment = ResourceEnvironment.Resolve(project, replica, context.ExecutionContext).EnvironmentVariables,
        };
}

/// <summary>The <c>dotnet</c> host that runs project assemblies.</summary>
internal static class DotnetHost
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        if (Environment.ProcessPath is { } self && System.IO.Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            return self;
        }
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath))
        {
            return hostPath;
        }
        var root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        return (root is null ? null : System.IO.Path.Combine(root, "dotnet")) is { } rooted && File.Exists(rooted)
            ? rooted
            : ServerBinaries.FindOnPath("dotnet") ?? "dotnet";
    }
}
