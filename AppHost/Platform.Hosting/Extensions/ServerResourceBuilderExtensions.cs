using Platform.Hosting.ApplicationModel;
using Platform.Hosting.Health;

namespace Platform.Hosting;

/// <summary>PostgreSQL, Redis and RabbitMQ, run as local processes from the machine's packages.</summary>
public static class ServerResourceBuilderExtensions
{
    public static IResourceBuilder<PostgresServerResource> AddPostgres(
        this IDistributedApplicationBuilder builder, string name, IResourceBuilder<ParameterResource>? password = null, int? port = null)
    {
        var server = new PostgresServerResource(name, builder.GetOrAddSecret(password, $"{name}-password"));
        return builder.AddResource(server)
            .WithAnnotation(new EndpointAnnotation("tcp", "tcp", port))
            .WithAnnotation(new HealthCheckAnnotation(new PostgresHealthCheck(server)));
    }

    /// <summary>A database created in the server when it starts; its connection string names it.</summary>
    public static IResourceBuilder<PostgresDatabaseResource> AddDatabase(
        this IResourceBuilder<PostgresServerResource> server, string name, string? databaseName = null)
    {
        var database = new PostgresDatabaseResource(name, databaseName ?? name, server.Resource);
        server.Resource.Databases[name] = database.DatabaseName;
        return server.ApplicationBuilder.AddResource(database)
            .WithAnnotation(new HealthCheckAnnotation(new PostgresHealthCheck(database)));
    }

    public static IResourceBuilder<RedisResource> AddRedis(
        this IDistributedApplicationBuilder builder, string name, int? port = null, IResourceBuilder<ParameterResource>? password = null)
    {
        var redis = new RedisResource(name, builder.GetOrAddSecret(password, $"{name}-password"));
        return builder.AddResource(redis)
            .WithAnnotation(new EndpointAnnotation("tcp", "tcp", port))
            .WithAnnotation(new HealthCheckAnnotation(new RedisHealthCheck(redis)));
    }

    /// <summary>A broker with its own user (<c>platform</c> unless given) and the management UI as endpoint "management".</summary>
    public static IResourceBuilder<RabbitMQServerResource> AddRabbitMQ(
        this IDistributedApplicationBuilder builder,
        string name,
        IResourceBuilder<ParameterResource>? userName = null,
        IResourceBuilder<ParameterResource>? password = null,
        int? port = null)
    {
        var user = userName?.Resource ?? builder.AddResource(new ParameterResource($"{name}-username", secret: false) { DefaultValue = "platform" }).Resource;
        var broker = new RabbitMQServerResource(name, user, builder.GetOrAddSecret(password, $"{name}-password"));
        return builder.AddResource(broker)
            .WithAnnotation(new EndpointAnnotation("tcp", "tcp", port))
            .WithAnnotation(new EndpointAnnotation(RabbitMQServerResource.ManagementEndpointName, "http"))
            .WithAnnotation(new HealthCheckAnnotation(new RabbitMQHealthCheck(broker)));
    }
}
