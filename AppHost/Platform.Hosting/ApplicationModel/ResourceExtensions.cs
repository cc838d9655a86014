namespace Platform.Hosting.ApplicationModel;

public static class ResourceExtensions
{
    public static IEnumerable<T> AnnotationsOfType<T>(this IResource resource) where T : IResourceAnnotation =>
        resource.Annotations.OfType<T>();

    public static int GetReplicaCount(this IResource resource) =>
        resource.AnnotationsOfType<ReplicaAnnotation>().LastOrDefault()?.Replicas ?? 1;

    public static IEnumerable<EndpointAnnotation> GetEndpoints(this IResource resource) =>
        resource.AnnotationsOfType<EndpointAnnotation>();

    public static EndpointAnnotation GetEndpoint(this IResource resource, string endpointName) =>
        resource.GetEndpoints().FirstOrDefault(e => e.Name == endpointName)
        ?? throw new InvalidOperationException($"Resource '{resource.Name}' has no endpoint named '{endpointName}'.");

    /// <summary>Resources this one must not outlive on shutdown nor precede on start-up.</summary>
    public static IEnumerable<IResource> GetDependencies(this IResource resource)
    {
        var dependencies = resource.AnnotationsOfType<WaitAnnotation>().Select(a => a.Resource)
            .Concat(resource.AnnotationsOfType<ReferenceAnnotation>().Select(a => a.Resource));
        if (resource is IResourceWithParent child)
        {
            dependencies = dependencies.Append(child.Parent);
        }
        return dependencies.Distinct();
    }

    /// <summary>A readable kind for listings: "Project", "PostgreSQL", "Redis".</summary>
    public static string GetResourceType(this IResource resource) => resource switch
    {
        ProjectResource => "Project",
        ExecutableResource => "Executable",
        PostgresServerResource => "PostgreSQL",
        PostgresDatabaseResource => "PostgreSQL database",
        RedisResource => "Redis",
        RabbitMQServerResource => "RabbitMQ",
        ParameterResource => "Parameter",
        ConnectionStringResource => "Connection string",
        _ => resource.GetType().Name.Replace("Resource", "", StringComparison.Ordinal),
    };
}
