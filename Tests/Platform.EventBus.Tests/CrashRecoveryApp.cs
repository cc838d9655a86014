
namespace Platform.EventBus.Tests;

/// <summary>
/// Servers of their own (the tests stop the broker) and two test services run as separate processes, so the
/// tests can kill them: <c>relay</c> only relays its outbox in small batches; <c>consumer</c> handles
/// <see cref="OrderPlaced"/> and hangs after its first commit while <see cref="HangFile"/> exists.
/// </summary>
public sealed class CrashRecoveryApp : IAsyncLifetime
{
    public const string RelayExchange = "relay-events";
    public const string ConsumerExchange = "consumer-events";

    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("Not started.");

    public string HangFile { get; } = Path.Combine(Path.GetTempPath(), $"platform-hang-{Guid.NewGuid():N}");

    public async ValueTask InitializeAsync()
    {
        var cancellation = TestContext.Current.CancellationToken;
        File.WriteAllText(HangFile, "");
        var builder = DistributedApplicationTestingBuilder.Create().WithTestDefaults();
        var pg = builder.AddPostgres("pg").RunAsLocalProcess();
        var relayDb = pg.AddDatabase("relaydb");
        var consumerDb = pg.AddDatabase("consumerdb");
        pg.AddDatabase("outagedb");
        var messaging = builder.AddRabbitMQ("messaging").RunAsLocalProcess();
        builder.AddProject<Projects.Platform_EventBus_TestService>("relay")
            .WithHttpEndpoint()
            .WithReference(relayDb).WithReference(messaging).WaitFor(relayDb).WaitFor(messaging)
            .WithEnvironment("Worker__Database", "relaydb")
            .WithEnvironment("Worker__ServiceName", "relay")
            .WithEnvironment("Worker__Consume", "false")
            .WithEnvironment("EventBus__ExchangeName", RelayExchange)
            .WithEnvironment("EventBus__OutboxBatchSize", "10")
            .WithHttpHealthCheck("/health");
        builder.AddProject<Projects.Platform_EventBus_TestService>("consumer")
            .WithHttpEndpoint()
            .WithReference(consumerDb).WithReference(messaging).WaitFor(consumerDb).WaitFor(messaging)
            .WithEnvironment("Worker__Database", "consumerdb")
            .WithEnvironment("Worker__ServiceName", "consumer")
            .WithEnvironment("Worker__HangAfterCommitFile", HangFile)
            .WithEnvironment("EventBus__ExchangeName", ConsumerExchange)
            .WithHttpHealthCheck("/health");
        _app = await builder.BuildAsync(cancellation);
        await _app.StartAsync(cancellation);
        foreach (var resource in new[] { "relay", "consumer", "outagedb" })
        {
            await _app.WaitForResourceHealthyAsync(resource, cancellationToken: cancellation);
        }
    }

    public Task<string> ConnectionStringAsync(string resource) => App.GetRequiredConnectionStringAsync(resource, TestContext.Current.CancellationToken);

    /// <summary>Kills a service's process with SIGKILL, by its id, and waits until the host saw it exit.</summary>
    public async Task KillAsync(string resource, CancellationToken cancellationToken)
    {
        using (var process = System.Diagnostics.Process.GetProcessById(App.GetProcessId(resource)))
        {
            process.Kill();
        }
        await App.WaitForResourceAsync(resource, snapshot => snapshot.IsTerminal(), "stopped", TimeSpan.FromSeconds(30), cancellationToken);
    }

    public async Task RestartAsync(string resource, CancellationToken cancellationToken)
    {
        await App.StartResourceAsync(resource, TestContext.Current.CancellationToken);
        await App.WaitForResourceHealthyAsync(resource, TimeSpan.FromSeconds(60), cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        File.Delete(HangFile);
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
