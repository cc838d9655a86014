using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace Platform.ServiceDefaults.Tests;

/// <summary>
/// A missing connection string fails the first use of the client with a message naming it. (Aspire's RabbitMQ
/// client has no such check: without a connection string it connects to amqp://localhost.)
/// </summary>
public sealed class ConnectionStringTests
{
    private static IHost BuildWithout(Action<HostApplicationBuilder> addClient)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ApplicationName = "svc" });
        addClient(builder);
        return builder.Build();
    }

    [Fact]
    public void A_missing_database_connection_string_is_named()
    {
        using var host = BuildWithout(builder => builder.AddNpgsqlDbContext<TestDbContext>("appdb"));
        using var scope = host.Services.CreateScope();

        var error = Assert.Throws<InvalidOperationException>(() => scope.ServiceProvider.GetRequiredService<TestDbContext>().Database);

        Assert.Contains("ConnectionStrings:appdb", error.Message);
    }

    [Fact]
    public void A_missing_Redis_connection_string_is_named()
    {
        using var host = BuildWithout(builder => builder.AddRedisClient("cache"));

        var error = Assert.Throws<InvalidOperationException>(() => host.Services.GetRequiredService<IConnectionMultiplexer>());

        Assert.Contains("ConnectionStrings:cache", error.Message);
    }

    private sealed class TestDbContext(DbContextOptions<TestDbContext> options) : DbContext(options);
}
