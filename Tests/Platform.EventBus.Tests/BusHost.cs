using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.EventBus.Tests;

/// <summary>A service host inside the test process: the test DbContext, a broker connection and the event bus.</summary>
internal sealed class BusHost(IHost host, string database) : IAsyncDisposable
{
    public IServiceProvider Services => host.Services;

    /// <summary>Builds and starts a host whose bus is configured by <paramref name="configure"/> (handlers, options).</summary>
    public static async Task<BusHost> StartAsync(
        string database, string rabbitMQ, string serviceName, Action<EventBusBuilder> configure, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddDbContext<TestDbContext>(options => TestDbContext.Configure(options, database));
        var connection = await BrokerConnections.OpenAsync(rabbitMQ, serviceName, cancellationToken);
        builder.Services.AddSingleton(_ => connection);
        configure(builder.AddRabbitMQEventBus("messaging", serviceName).UseDbContext<TestDbContext>());

        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return new BusHost(host, database);
    }

    /// <summary>Publishes the events through the outbox and commits them in one transaction.</summary>
    public async Task PublishAsync(IEnumerable<IntegrationEvent> events, CancellationToken cancellationToken)
    {
        await using var scope = Services.CreateAsyncScope();
        var bus = scope.ServiceProvider.GetRequiredService<IEventBus>();
        foreach (var @event in events)
        {
            await bus.PublishAsync(@event, cancellationToken);
        }
        await scope.ServiceProvider.GetRequiredService<TestDbContext>().SaveChangesAsync(cancellationToken);
    }

    public Task PublishAsync(IntegrationEvent @event, CancellationToken cancellationToken) => PublishAsync([@event], cancellationToken);

    public TestDbContext OpenDatabase() => TestDatabases.Open(database);

    public async Task<int> CountHandledAsync(Guid eventId, CancellationToken cancellationToken)
    {
        await using var db = OpenDatabase();
        return await db.HandledEvents.CountAsync(h => h.EventId == eventId, cancellationToken);
    }

    public Task WaitUntilHealthyAsync(CancellationToken cancellationToken) =>
        Eventually.HoldsAsync(
            async () => (await Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(cancellationToken)).Status == HealthStatus.Healthy,
            TimeSpan.FromSeconds(30), "the event bus is healthy", cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync(CancellationToken.None);
        host.Dispose();
    }
}
