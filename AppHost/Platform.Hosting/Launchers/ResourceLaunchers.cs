using Platform.Hosting.ApplicationModel;

namespace Platform.Hosting.Launchers;

internal static class ResourceLaunchers
{
    /// <summary>The launcher of a resource that runs as processes; null for the others (databases, parameters).</summary>
    public static IResourceLauncher? Create(IResource resource) => resource switch
    {
        ProjectResource project => new ProjectLauncher(project),
        ExecutableResource executable => new ExecutableLauncher(executable),
        PostgresServerResource postgres => new PostgresLauncher(postgres),
        RedisResource redis => new RedisLauncher(redis),
        RabbitMQServerResource rabbit => new RabbitMQLauncher(rabbit),
        _ => null,
    };
}
