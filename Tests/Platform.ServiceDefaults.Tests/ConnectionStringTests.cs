using Microsoft.Extensions.Hosting;

namespace Platform.ServiceDefaults.Tests;

public sealed class ConnectionStringTests
{
    [Theory]
    [InlineData("appdb")]
    [InlineData("cache")]
    [InlineData("messaging")]
    public void A_missing_connection_string_stops_the_start_up_naming_it(string name)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ApplicationName = "svc" });
        Action addClient = name switch
        {
            "appdb" => () => builder.AddNpgsqlDbContext<TestDbContext>(name),
            "cache" => () => builder.AddRedisClient(name),
            _ => () => builder.AddRabbitMQClient(name),
        };

        var error = Assert.Throws<InvalidOperationException>(addClient);

        Assert.Contains($"ConnectionStrings:{name}", error.Message);
    }

    private sealed class TestDbContext(Microsoft.EntityFrameworkCore.DbContextOptions<TestDbContext> options)
        : Microsoft.EntityFrameworkCore.DbContext(options);
}
