using System.Net.Http.Headers;
using StackExchange.Redis;

namespace Platform.Products.Tests;

/// <summary>
/// Real PostgreSQL, Redis and RabbitMQ, two replicas of the products service, and the token issuer they trust,
/// started once for every test; tests isolate themselves by unique names and categories.
/// </summary>
public sealed class ProductsFixture : IAsyncLifetime
{
    public const string Service = "products";

    public DistributedApplication App { get; private set; } = null!;
    public TokenIssuer Tokens { get; private set; } = null!;
    public string DatabaseConnectionString { get; private set; } = "";
    public string MessagingConnectionString { get; private set; } = "";
    public IConnectionMultiplexer Redis { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var cancellation = TestContext.Current.CancellationToken;
        Tokens = await TokenIssuer.StartAsync(cancellation);
        var builder = DistributedApplicationTestingBuilder.Create().WithTestDefaults();
        var database = builder.AddPostgres("pg").RunAsLocalProcess().AddDatabase("productsdb");
        var cache = builder.AddRedis("cache").RunAsLocalProcess();
        var messaging = builder.AddRabbitMQ("messaging").RunAsLocalProcess();
        builder.AddProject<Projects.Platform_Products>(Service)
            .WithHttpEndpoint()
            .WithReference(database).WaitFor(database)
            .WithReference(cache).WaitFor(cache)
            .WithReference(messaging).WaitFor(messaging)
            .WithEnvironment("Jwt__JwksUrl", Tokens.JwksUrl)
            .WithHttpHealthCheck("/health")
            .WithReplicas(2);
        App = await builder.BuildAsync(cancellation);
        await App.StartAsync(cancellation);
        await App.WaitForResourceHealthyAsync(Service, cancellationToken: cancellation);
        DatabaseConnectionString = await App.GetRequiredConnectionStringAsync("productsdb", cancellation);
        MessagingConnectionString = await App.GetRequiredConnectionStringAsync("messaging", cancellation);
        Redis = await ConnectionMultiplexer.ConnectAsync(await App.GetRequiredConnectionStringAsync("cache", cancellation));
    }

    /// <summary>A client of one replica, optionally sending a bearer token.</summary>
    public HttpClient Client(int replica = 0, string? token = null)
    {
        var client = App.CreateHttpClient(Service, replica: replica);
        client.Timeout = TimeSpan.FromSeconds(30);
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return client;
    }

    public Task<T> QueryScalarAsync<T>(string sql, params (string Name, object Value)[] parameters) =>
        Sql.ScalarAsync<T>(DatabaseConnectionString, sql, TestContext.Current.CancellationToken, parameters);

    public async ValueTask DisposeAsync()
    {
        if (Redis is not null)
        {
            await Redis.CloseAsync();
            Redis.Dispose();
        }
        if (App is not null)
        {
            await App.DisposeAsync();
        }
        if (Tokens is not null)
        {
            await Tokens.DisposeAsync();
        }
    }
}

[CollectionDefinition]
public sealed class ProductsCollection : ICollectionFixture<ProductsFixture>;
