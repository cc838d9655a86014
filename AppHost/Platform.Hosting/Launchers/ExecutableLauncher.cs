using Platform.Hosting.ApplicationModel;
using Platform.Hosting.Orchestration;
using Platform.Hosting.Processes;

namespace Platform.Hosting.Launchers;

internal sealed class ExecutableLauncher(ExecutableResource executable) : IResourceLauncher
{
    private string? _command;

    public Task PrepareAsync(LaunchContext context, CancellationToken cancellationToken)
    {
        _command = executable.Command.Contains('/')
            ? Path.GetFullPath(executable.Command, executable.WorkingDirectory)
            : ServerBinaries.FindOnPath(executable.Command);
        if (_command is null || !File.Exists(_command))
        {
            throw new DistributedApplicationException(
                $"Executable '{executable.Command}' of resource '{executable.Name}' was not found{(executable.Command.Contains('/') ? "" : " on PATH")}.");
        }
        return Task.CompletedTask;
    }

    public ProcessSpec GetProcessSpec(LaunchContext context, int replica) =>
        new(_command!, executable.Arguments, executable.WorkingDirectory)
        {
            Environment = ResourceEnvironment.Resolve(executable, replica, context.ExecutionContext).EnvironmentVariables,
        };
}
