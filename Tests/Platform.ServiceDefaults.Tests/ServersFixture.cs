using static Platform.Testing.TestDefaults;

namespace Platform.ServiceDefaults.Tests;

/// <summary>
/// Real PostgreSQL, Redis and RabbitMQ, and the test service referencing all three, started once for the
/// tests that need them.
/// </summary>
public sealed class ServersFixture : IAsyncLifetime
{
    public DistributedApplication App { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var builder = DistributedApplicationTestingBuilder.Create().WithTestDefaults();
        var database = builder.AddPostgres("pg").RunAsLocalProcess().AddDatabase("appdb");
        var cache = builder.AddRedis("cache").RunAsLocalProcess();
        var messaging = builder.AddRabbitMQ("messaging").RunAsLocalProcess();
        builder.AddProject<Projects.Platform_ServiceDefaults_TestService>("svc")
            .WithHttpEndpoint()
            .WithReference(database).WaitFor(database)
            .WithReference(cache).WaitFor(cache)
            .WithReference(messaging).WaitFor(messaging)
            .WithHttpHealthCheck("/health");
        App = await builder.BuildAsync(cancellation);
        await App.StartAsync(cancellation);
        await App.WaitForResourceHealthyAsync("svc", cancellationToken: cancellation);
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}

[CollectionDefinition]
public sealed class ServersCollection : ICollectionFixture<ServersFixture>;
