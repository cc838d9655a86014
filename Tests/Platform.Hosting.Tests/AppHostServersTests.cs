using Platform.Hosting.Processes;
using Npgsql;
using Platform.Hosting.Orchestration;
using RabbitMQ.Client;
using StackExchange.Redis;

namespace Platform.Hosting.Tests;

/// <summary>The real AppHost's model, started once for this class: PostgreSQL, Redis and RabbitMQ.</summary>
public sealed class AppHostFixture : IAsyncLifetime
{
    public DistributedApplication App { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Platform_AppHost>();
        App = await builder.BuildAsync();
        await App.StartAsync();
        await Task.WhenAll(App.Model.Resources.Select(r => App.WaitForResourceHealthyAsync(r.Name)));
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}

public sealed class AppHostServersTests(AppHostFixture fixture) : IClassFixture<AppHostFixture>
{
    private DistributedApplication App => fixture.App;

    [Theory]
    [InlineData("usersdb")]
    [InlineData("productsdb")]
    [InlineData("ordersdb")]
    [InlineData("notificationsdb")]
    public async Task Each_declared_database_answers_queries_with_the_password(string database)
    {
        await using var connection = new NpgsqlConnection(await App.GetConnectionStringAsync(database, TestContext.Current.CancellationToken));
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("SELECT current_database()", connection);

        Assert.Equal(database, await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task PostgreSQL_refuses_a_wrong_password()
    {
        var connectionString = new NpgsqlConnectionStringBuilder(await App.GetConnectionStringAsync("usersdb", TestContext.Current.CancellationToken)) { Password = "wrong" };
        await using var connection = new NpgsqlConnection(connectionString.ConnectionString);

        var error = await Assert.ThrowsAsync<PostgresException>(() => connection.OpenAsync(TestContext.Current.CancellationToken));

        Assert.Equal("28P01", error.SqlState); // invalid_password
    }

    [Fact]
    public async Task Redis_stores_and_returns_a_value_with_the_password_and_refuses_without_it()
    {
        var connectionString = await App.GetConnectionStringAsync("cache", TestContext.Current.CancellationToken);
        using var redis = await ConnectionMultiplexer.ConnectAsync(connectionString);
        var database = redis.GetDatabase();

        await database.StringSetAsync("greeting", "hello");
        Assert.Equal("hello", (string?)await database.StringGetAsync("greeting"));

        var withoutPassword = connectionString[..connectionString.IndexOf(",password=", StringComparison.Ordinal)];
        using var anonymous = await ConnectionMultiplexer.ConnectAsync($"{withoutPassword},abortConnect=false");
        await Assert.ThrowsAnyAsync<RedisException>(() => anonymous.GetDatabase().StringGetAsync("greeting"));
    }

    [Fact]
    public async Task RabbitMQ_delivers_a_published_message_to_a_consumer()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var factory = new ConnectionFactory { Uri = new Uri(await App.GetConnectionStringAsync("messaging", TestContext.Current.CancellationToken)) };
        await using var connection = await factory.CreateConnectionAsync(cancellation);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellation);
        var queue = (await channel.QueueDeclareAsync(exclusive: true, cancellationToken: cancellation)).QueueName;

        await channel.BasicPublishAsync("", queue, "order placed"u8.ToArray(), cancellation);

        BasicGetResult? message = null;
        for (var attempt = 0; attempt < 50 && message is null; attempt++)
        {
            message = await channel.BasicGetAsync(queue, autoAck: true, cancellation);
            if (message is null)
            {
                await Task.Delay(100, cancellation);
            }
        }
        Assert.NotNull(message);
        Assert.Equal("order placed", System.Text.Encoding.UTF8.GetString(message.Body.Span));
    }

    [Fact]
    public async Task The_RabbitMQ_management_UI_is_an_endpoint_that_accepts_the_broker_user()
    {
        var broker = (RabbitMQServerResource)App.Model.GetResource("messaging");
        using var client = App.CreateHttpClient("messaging", RabbitMQServerResource.ManagementEndpointName);
        var credentials = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{broker.UserName.Value}:{broker.Password.Value}"));
        client.DefaultRequestHeaders.Authorization = new("Basic", credentials);

        var response = await client.GetAsync("/api/whoami", TestContext.Current.CancellationToken);

        Assert.True(response.IsSuccessStatusCode, $"management API answered {response.StatusCode}");
        Assert.Contains(App.ResourceNotifications.GetSnapshot("messaging").Urls, u => u.EndpointName == "management");
    }

    [Fact]
    public async Task Redis_can_be_stopped_started_and_restarted_through_the_command_API()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var before = App.ResourceNotifications.GetSnapshot("cache").Replicas.Single().ProcessId!.Value;

        await App.ResourceCommands.StopResourceAsync("cache");
        var stopped = App.ResourceNotifications.GetSnapshot("cache");
        Assert.Equal(ResourceState.Exited, stopped.State);
        Assert.Empty(ProcessTable.StillAlive([new ProcessStatus(before, "redis-server", 'S', 0, 0)]));

        await App.ResourceCommands.StartResourceAsync("cache");
        await App.WaitForResourceHealthyAsync("cache", cancellationToken: cancellation);

        await App.ResourceCommands.ExecuteCommandAsync("cache", KnownResourceCommands.RestartCommand);
        var restarted = await App.WaitForResourceHealthyAsync("cache", cancellationToken: cancellation);
        Assert.NotEqual(before, restarted.Replicas.Single().ProcessId);
    }
}
