using System.Net.Http.Headers;
using StackExchange.Redis;

namespace Platform.Orders.Tests;

/// <summary>
/// Real PostgreSQL (productsdb, ordersdb), Redis, RabbitMQ, the products service and two replicas of the orders
/// service, with the token issuer they trust, started once for the collection; tests isolate themselves by
/// using a new customer and new products each.
/// </summary>
public class OrdersFixture : IAsyncLifetime
{
    public const string Orders = "orders";
    public const string Products = "products";

    public DistributedApplication App { get; private set; } = null!;
    public TokenIssuer Tokens { get; private set; } = null!;
    public string OrdersDatabase { get; private set; } = "";
    public string ProductsDatabase { get; private set; } = "";
    public string Messaging { get; private set; } = "";
    public IConnectionMultiplexer Redis { get; private set; } = null!;

    /// <summary>Environment of the orders service beyond the wiring, for fixtures that need other settings.</summary>
    protected virtual IReadOnlyDictionary<string, string> OrdersSettings => new Dictionary<string, string>();

    /// <summary>Environment of the products service beyond the wiring.</summary>
    protected virtual IReadOnlyDictionary<string, string> ProductsSettings => new Dictionary<string, string>();

    protected virtual int OrdersReplicas => 2;

    public async ValueTask InitializeAsync()
    {
        var cancellation = TestContext.Current.CancellationToken;
        Tokens = await TokenIssuer.StartAsync(cancellation);
        var builder = DistributedApplicationTestingBuilder.Create().WithTestDefaults();
        var pg = builder.AddPostgres("pg").RunAsLocalProcess();
        var productsDb = pg.AddDatabase("productsdb");
        var ordersDb = pg.AddDatabase("ordersdb");
        var cache = builder.AddRedis("cache").RunAsLocalProcess();
        var messaging = builder.AddRabbitMQ("messaging").RunAsLocalProcess();
        var products = builder.AddProject<Projects.Platform_Products>(Products)
            .WithHttpEndpoint()
            .WithReference(productsDb).WaitFor(productsDb)
            .WithReference(cache).WaitFor(cache)
            .WithReference(messaging).WaitFor(messaging)
            .WithEnvironment("Jwt__JwksUrl", Tokens.JwksUrl)
            .WithHttpHealthCheck("/health");
        foreach (var (name, value) in ProductsSettings)
        {
            products.WithEnvironment(name, value);
        }
        var orders = builder.AddProject<Projects.Platform_Orders>(Orders)
            .WithHttpEndpoint()
            .WithReference(ordersDb).WaitFor(ordersDb)
            .WithReference(cache).WaitFor(cache)
            .WithReference(messaging).WaitFor(messaging)
            .WithReference(products)
            .WithEnvironment("Jwt__JwksUrl", Tokens.JwksUrl)
            .WithHttpHealthCheck("/health")
            .WithReplicas(OrdersReplicas);
        foreach (var (name, value) in OrdersSettings)
        {
            orders.WithEnvironment(name, value);
        }
        App = await builder.BuildAsync(cancellation);
        await App.StartAsync(cancellation);
        await App.WaitForResourceHealthyAsync(Products, cancellationToken: cancellation);
        await App.WaitForResourceHealthyAsync(Orders, cancellationToken: cancellation);
        OrdersDatabase = await App.GetRequiredConnectionStringAsync("ordersdb", cancellation);
        ProductsDatabase = await App.GetRequiredConnectionStringAsync("productsdb", cancellation);
        Messaging = await App.GetRequiredConnectionStringAsync("messaging", cancellation);
        Redis = await ConnectionMultiplexer.ConnectAsync(await App.GetRequiredConnectionStringAsync("cache", cancellation));
    }

    /// <summary>A client of one orders replica, optionally sending a bearer token.</summary>
    public HttpClient OrdersClient(string? token, int replica = 0) => Client(Orders, token, replica);

    public HttpClient ProductsClient(string? token) => Client(Products, token, 0);

    /// <summary>A customer of their own: a new user id, with a client of each orders replica.</summary>
    public Customer NewCustomer()
    {
        var id = Guid.NewGuid();
        var token = Tokens.Customer(id);
        return new Customer(id, OrdersClient(token, 0), OrdersClient(token, OrdersReplicas - 1));
    }

    public Task<T> QueryScalarAsync<T>(string connectionString, string sql, params (string Name, object Value)[] parameters) =>
        Sql.ScalarAsync<T>(connectionString, sql, TestContext.Current.CancellationToken, parameters);

    public Task<int> StockAsync(Guid productId) =>
        QueryScalarAsync<int>(ProductsDatabase, "SELECT stock FROM products WHERE id = @id", ("id", productId));

    private HttpClient Client(string resource, string? token, int replica)
    {
        var client = App.CreateHttpClient(resource, replica: replica);
        client.Timeout = TimeSpan.FromSeconds(60);
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return client;
    }

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
        GC.SuppressFinalize(this);
    }
}

/// <summary>A test's customer: their id and a client of the first and of the last orders replica.</summary>
public sealed record Customer(Guid Id, HttpClient Http, HttpClient OtherReplica);

[CollectionDefinition]
public sealed class OrdersCollection : ICollectionFixture<OrdersFixture>;
