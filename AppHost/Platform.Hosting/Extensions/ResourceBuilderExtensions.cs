using Platform.Hosting.ApplicationModel;
using Platform.Hosting.Health;

namespace Platform.Hosting;

/// <summary>The wiring methods shared by every resource type, named as in Aspire.</summary>
public static class ResourceBuilderExtensions
{
    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, string value)
        where T : IResourceWithEnvironment =>
        builder.WithEnvironment(context => context.Set(name, value));

    /// <summary>Passes a parameter's value; secret parameters stay masked wherever the environment is shown.</summary>
    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, IResourceBuilder<ParameterResource> parameter)
        where T : IResourceWithEnvironment =>
        builder.WithEnvironment(context => context.Set(name, parameter.Resource.Value, parameter.Resource.Secret));

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, Action<EnvironmentCallbackContext> callback)
        where T : IResourceWithEnvironment =>
        builder.WithAnnotation(new EnvironmentCallbackAnnotation(callback));

    /// <summary>Gives the resource <c>ConnectionStrings__{name}</c> for a database, cache or broker.</summary>
    public static IResourceBuilder<T> WithReference<T>(
        this IResourceBuilder<T> builder, IResourceBuilder<IResourceWithConnectionString> source, string? connectionName = null)
        where T : IResourceWithEnvironment
    {
        var name = connectionName ?? source.Resource.Name;
        return builder
            .WithAnnotation(new ReferenceAnnotation(source.Resource))
            .WithEnvironment(context => context.Set($"ConnectionStrings__{name}", source.Resource.GetConnectionString(), isSecret: true));
    }

    /// <summary>
    /// Gives the resource the address of every replica of a project, as service discovery configuration:
    /// <c>services__{name}__{endpoint}__{index}</c>.
    /// </summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResourceWithServiceDiscovery> source)
        where T : IResourceWithEnvironment =>
        builder
            .WithAnnotation(new ReferenceAnnotation(source.Resource))
            .WithEnvironment(context =>
            {
                foreach (var endpoint in source.Resource.GetEndpoints().Where(e => e.Scheme is "http" or "https"))
                {
                    for (var replica = 0; replica < endpoint.AllocatedPorts.Count; replica++)
                    {
                        context.Set($"services__{source.Resource.Name}__{endpoint.Name}__{replica}", endpoint.GetUrl(replica));
                    }
                }
            });

    /// <summary>Holds the resource back until <paramref name="dependency"/> is running and healthy.</summary>
    public static IResourceBuilder<T> WaitFor<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResource> dependency)
        where T : IResourceWithWaitSupport
    {
        if (ReferenceEquals(builder.Resource, dependency.Resource))
        {
            throw new DistributedApplicationException($"Resource '{builder.Resource.Name}' cannot wait for itself.");
        }
        return builder.WithAnnotation(new WaitAnnotation(dependency.Resource));
    }

    /// <summary>Adds an HTTP endpoint, or fixes the port of the existing one of that name.</summary>
    /// <param name="port">A fixed port; a free one is allocated when null (and always in tests).</param>
    /// <param name="env">A variable that receives the port, for programs that do not read ASPNETCORE_URLS.</param>
    public static IResourceBuilder<T> WithHttpEndpoint<T>(this IResourceBuilder<T> builder, int? port = null, string name = "http", string? env = null)
        where T : IResourceWithEndpoints
    {
        var endpoint = builder.Resource.GetEndpoints().FirstOrDefault(e => e.Name == name);
        if (endpoint is null)
        {
            endpoint = new EndpointAnnotation(name, "http", port);
            builder.WithAnnotation(endpoint);
        }
        else if (port is not null)
        {
            endpoint.Port = port;
        }
        if (env is not null && builder.Resource is IResourceWithEnvironment)
        {
            builder.WithAnnotation(new EnvironmentCallbackAnnotation(context => context.Set(env, endpoint.GetPort(context.ReplicaIndex).ToString())));
        }
        return builder;
    }

    /// <summary>Marks the HTTP endpoints as meant to be reached from outside the application.</summary>
    public static IResourceBuilder<T> WithExternalHttpEndpoints<T>(this IResourceBuilder<T> builder) where T : IResourceWithEndpoints
    {
        foreach (var endpoint in builder.Resource.GetEndpoints().Where(e => e.Scheme is "http" or "https"))
        {
            endpoint.IsExternal = true;
        }
        return builder;
    }

    /// <summary>Shows <paramref name="url"/> with the resource, as Aspire's <c>WithUrl</c> does, labelled <paramref name="displayText"/>.</summary>
    public static IResourceBuilder<T> WithUrl<T>(this IResourceBuilder<T> builder, string url, string displayText) where T : IResource =>
        builder.WithAnnotation(new ResourceUrlAnnotation(url, displayText));

    /// <summary>The resource is healthy when GET <paramref name="path"/> answers 2xx on every replica.</summary>
    public static IResourceBuilder<T> WithHttpHealthCheck<T>(this IResourceBuilder<T> builder, string path = "/health", string endpointName = "http")
        where T : IResourceWithEndpoints =>
        builder.WithAnnotation(new HealthCheckAnnotation(new HttpHealthCheck(builder.Resource.GetEndpoint(endpointName), path)));
}
