using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using StackExchange.Redis;

namespace Platform.ServiceDefaults.Tests;

/// <summary>
/// A missing connection string fails the first use of the client with a message naming it (Aspire's RabbitMQ
/// client alone would connect to amqp://localhost; <c>AddRabbitMQConnection</c> checks). A database's
/// connection string gets automatic statement preparation unless it sets its own.
/// </summary>
public sealed class ConnectionStringTests
{
    private static IHost Build(Action<HostApplicationBuilder> setUp)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ApplicationName = "svc" });
        setUp(builder);
        return builder.Build();
    }

    [Fact]
    public void A_missing_database_connection_string_is_named()
    {
        using var host = Build(builder => builder.AddPostgresDbContext<TestDbContext>("appdb"));
        using var scope = host.Services.CreateScope();

        var error = Assert.Throws<InvalidOperationException>(() => scope.ServiceProvider.GetRequiredService<TestDbContext>().Database);

        Assert.Contains("ConnectionStrings:appdb", error.Message);
    }

    [Theory]
    [InlineData("Host=db;Database=appdb", PostgresDbContextExtensions.MaxAutoPrepare)]
    [InlineData("Host=db;Database=appdb;Max Auto Prepare=5", 5)]
    public void Statements_are_prepared_unless_the_connection_string_says_how_many(string connectionString, int expected)
    {
        using var host = Build(builder =>
        {
            builder.Configuration["ConnectionStrings:appdb"] = connectionString;
            builder.AddPostgresDbContext<TestDbContext>("appdb");
        });
        using var scope = host.Services.CreateScope();

        var used = scope.ServiceProvider.GetRequiredService<TestDbContext>().Database.GetConnectionString();

        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(used).MaxAutoPrepare);
    }

    [Fact]
    public void A_missing_Redis_connection_string_is_named()
    {
        using var host = Build(builder => builder.AddRedisClient("cache"));

        var error = Assert.Throws<InvalidOperationException>(() => host.Services.GetRequiredService<IConnectionMultiplexer>());

        Assert.Contains("ConnectionStrings:cache", error.Message);
    }

    [Fact]
    public void A_missing_RabbitMQ_connection_string_is_named_rather_than_localhost_tried()
    {
        using var host = Build(builder => builder.AddRabbitMQConnection("messaging"));

        var error = Assert.Throws<InvalidOperationException>(() => host.Services.GetRequiredService<RabbitMQ.Client.IConnection>());

        Assert.Contains("ConnectionStrings:messaging", error.Message);
    }

    private sealed class TestDbContext(DbContextOptions<TestDbContext> options) : DbContext(options);
}
