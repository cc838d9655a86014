using Microsoft.EntityFrameworkCore;
using Npgsql;

[assembly: AssemblyFixture(typeof(Platform.EventBus.Tests.Servers))]

namespace Platform.EventBus.Tests;

/// <summary>
/// One PostgreSQL and one RabbitMQ for the in-process tests of the assembly. Tests isolate themselves with a
/// database each (<see cref="CreateDatabaseAsync"/>) and their own exchange and service (queue) names.
/// </summary>
public sealed class Servers : IAsyncLifetime
{
    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("Not started.");

    public string Postgres { get; private set; } = "";

    public string RabbitMQ { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var builder = DistributedApplicationTestingBuilder.Create().WithTestDefaults();
        builder.AddPostgres("pg").RunAsLocalProcess();
        builder.AddRabbitMQ("messaging").RunAsLocalProcess();
        _app = await builder.BuildAsync(cancellation);
        await _app.StartAsync(cancellation);
        await _app.WaitForResourceHealthyAsync("pg", cancellationToken: cancellation);
        await _app.WaitForResourceHealthyAsync("messaging", cancellationToken: cancellation);
        Postgres = await _app.GetRequiredConnectionStringAsync("pg", cancellation);
        RabbitMQ = await _app.GetRequiredConnectionStringAsync("messaging", cancellation);
    }

    public Task<string> CreateDatabaseAsync(CancellationToken cancellationToken) => TestDatabases.CreateAsync(Postgres, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

internal static class TestDatabases
{
    /// <summary>A new database on the server with the test service's schema; returns its connection string.</summary>
    public static async Task<string> CreateAsync(string serverConnectionString, CancellationToken cancellationToken)
    {
        var name = $"test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(serverConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        var connectionString = $"{serverConnectionString};Database={name}";
        await MigrateAsync(connectionString, cancellationToken);
        return connectionString;
    }

    public static async Task MigrateAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var db = Open(connectionString);
        await db.Database.MigrateAsync(cancellationToken);
    }

    public static TestDbContext Open(string connectionString)
    {
        var options = new DbContextOptionsBuilder<TestDbContext>();
        TestDbContext.Configure(options, connectionString);
        return new TestDbContext(options.Options);
    }
}
