using Platform.Hosting.ApplicationModel;

namespace Platform.Hosting;

public static class ProjectResourceBuilderExtensions
{
    /// <summary>Adds a project of the solution; <typeparamref name="TProject"/> is generated for each project reference of the AppHost.</summary>
    public static IResourceBuilder<ProjectResource> AddProject<TProject>(this IDistributedApplicationBuilder builder, string name)
        where TProject : IProjectMetadata, new() =>
        builder.AddProject(name, new TProject());

    public static IResourceBuilder<ProjectResource> AddProject(this IDistributedApplicationBuilder builder, string name, IProjectMetadata metadata) =>
        builder.AddResource(new ProjectResource(name, metadata)).WithHttpEndpoint();

    /// <summary>Runs several processes of the project, each on its own port; references list them all.</summary>
    public static IResourceBuilder<ProjectResource> WithReplicas(this IResourceBuilder<ProjectResource> builder, int replicas) =>
        builder.WithAnnotation(new ReplicaAnnotation(replicas));

    public static IResourceBuilder<ExecutableResource> AddExecutable(
        this IDistributedApplicationBuilder builder, string name, string command, string workingDirectory, params string[] args) =>
        builder.AddResource(new ExecutableResource(name, command, Path.GetFullPath(workingDirectory, builder.AppHostDirectory), args));
}
