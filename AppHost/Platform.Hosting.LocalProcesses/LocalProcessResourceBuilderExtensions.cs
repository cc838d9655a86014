using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.LocalProcesses;

namespace Aspire.Hosting;

/// <summary>
/// Runs Aspire's PostgreSQL, Redis and RabbitMQ resources from the machine's own server programs, in run mode,
/// on Linux when no container runtime answers (or always, with configuration <c>LocalProcesses:Mode=Always</c>).
/// Everything else about the resource stays Aspire's: its connection string, references, health checks,
/// database creation and its entry in the publish manifest, which is still the container.
/// </summary>
/// <remarks>
/// Data is kept across runs in the AppHost's git-ignored <c>.data/&lt;resource&gt;</c> folder when the resource
/// has a data volume (<c>WithDataVolume()</c>) or in a bind mount's folder; otherwise, and whenever ports are
/// randomized (as Aspire.Hosting.Testing does), each run gets throw-away data. A missing program fails the
/// resource with the <c>apt-get install</c> line that installs it.
/// </remarks>
public static class LocalProcessResourceBuilderExtensions
{
    /// <summary>Runs PostgreSQL from the <c>postgresql</c> package when no container runtime answers.</summary>
    public static IResourceBuilder<PostgresServerResource> RunAsLocalProcess(this IResourceBuilder<PostgresServerResource> builder) =>
        OperatingSystem.IsLinux() ? LocalServerRunner.Attach(builder, new PostgresLocalServer(builder.Resource)) : builder;

    /// <summary>Runs Redis from the <c>redis-server</c> package when no container runtime answers.</summary>
    public static IResourceBuilder<RedisResource> RunAsLocalProcess(this IResourceBuilder<RedisResource> builder) =>
        OperatingSystem.IsLinux() ? LocalServerRunner.Attach(builder, new RedisLocalServer(builder.Resource)) : builder;

    /// <summary>Runs RabbitMQ from the <c>rabbitmq-server</c> package when no container runtime answers.</summary>
    public static IResourceBuilder<RabbitMQServerResource> RunAsLocalProcess(this IResourceBuilder<RabbitMQServerResource> builder) =>
        OperatingSystem.IsLinux() ? LocalServerRunner.Attach(builder, new RabbitMQLocalServer(builder.Resource)) : builder;
}
