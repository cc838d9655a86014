namespace Platform.Hosting.ApplicationModel;

/// <summary>
/// Describes a .NET project of the solution. The build generates one implementation per project
/// reference of the AppHost, in namespace <c>Projects</c> (as Aspire's AppHost SDK does).
/// </summary>
public interface IProjectMetadata
{
    /// <summary>The project file.</summary>
    string ProjectPath { get; }

    /// <summary>The built assembly the project runs from.</summary>
    string TargetPath { get; }
}

/// <summary>An ASP.NET Core project run from its build output.</summary>
public sealed class ProjectResource(string name, IProjectMetadata metadata)
    : Resource(name), IResourceWithEnvironment, IResourceWithServiceDiscovery, IResourceWithWaitSupport
{
    public IProjectMetadata Metadata { get; } = metadata;
}

/// <summary>Any program, started with arguments in a working directory.</summary>
public sealed class ExecutableResource(string name, string command, string workingDirectory, IReadOnlyList<string> arguments)
    : Resource(name), IResourceWithEnvironment, IResourceWithEndpoints, IResourceWithWaitSupport
{
    public string Command { get; } = command;

    public string WorkingDirectory { get; } = workingDirectory;

    public IReadOnlyList<string> Arguments { get; } = arguments;
}
