using static Platform.Testing.TestDefaults;
using System.Globalization;
using Platform.Gateway.Tests.Support;

namespace Platform.Gateway.Tests;

/// <summary>
/// The gateway as a separate process in front of real Kestrel upstreams (two replicas of products), with tokens
/// from a test JWKS. A second gateway, "limited", has low rate limits so that test does not starve the others.
/// </summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    public static readonly TimeSpan UpstreamTimeout = TimeSpan.FromSeconds(2);
    public const int PermitsPerUser = 3;
    public const int PermitsPerIp = 6;

    private readonly List<IAsyncDisposable> servers = [];

    internal TokenIssuer Tokens { get; private set; } = null!;
    internal Upstream Users { get; private set; } = null!;
    internal Upstream[] Products { get; private set; } = [];
    internal Upstream Orders { get; private set; } = null!;
    internal Upstream Notifications { get; private set; } = null!;

    public DistributedApplication App { get; private set; } = null!;

    public HttpClient CreateClient(string gateway = "gateway")
    {
        var client = App.CreateHttpClient(gateway);
        client.Timeout = TimeSpan.FromSeconds(30);
        return client;
    }

    public async ValueTask InitializeAsync()
    {
        var cancellation = TestContext.Current.CancellationToken;
        Tokens = await Started(TokenIssuer.StartAsync(cancellation));
        Users = await Started(Upstream.StartAsync("users", cancellation));
        Products = [await Started(Upstream.StartAsync("products-0", cancellation)), await Started(Upstream.StartAsync("products-1", cancellation))];
        Orders = await Started(Upstream.StartAsync("orders", cancellation));
        Notifications = await Started(Upstream.StartAsync("notifications", cancellation));

        var builder = DistributedApplicationTestingBuilder.Create().WithTestDefaults();
        Gateway(builder, "gateway")
            .WithEnvironment("RateLimiting__PermitsPerUser", "10000")
            .WithEnvironment("RateLimiting__PermitsPerIp", "10000");
        Gateway(builder, "limited")
            .WithEnvironment("RateLimiting__PermitsPerUser", PermitsPerUser.ToString(CultureInfo.InvariantCulture))
            .WithEnvironment("RateLimiting__PermitsPerIp", PermitsPerIp.ToString(CultureInfo.InvariantCulture))
            .WithEnvironment("RateLimiting__Window", "00:05:00");
        App = await builder.BuildAsync(cancellation);
        await App.StartAsync(cancellation);
        await App.WaitForResourceHealthyAsync("gateway", cancellationToken: cancellation);
        await App.WaitForResourceHealthyAsync("limited", cancellationToken: cancellation);
    }

    private IResourceBuilder<ProjectResource> Gateway(IDistributedApplicationTestingBuilder builder, string name) =>
        builder.AddProject<Projects.Platform_Gateway>(name)
            .WithHttpEndpoint()
            .WithEnvironment("Jwt__JwksUrl", Tokens.JwksUrl.ToString())
            .WithEnvironment("ReverseProxy__Clusters__orders__HttpRequest__ActivityTimeout", UpstreamTimeout.ToString())
            .WithEnvironment("services__users__http__0", Users.Url.ToString())
            .WithEnvironment("services__products__http__0", Products[0].Url.ToString())
            .WithEnvironment("services__products__http__1", Products[1].Url.ToString())
            .WithEnvironment("services__orders__http__0", Orders.Url.ToString())
            .WithEnvironment("services__notifications__http__0", Notifications.Url.ToString())
            .WithHttpHealthCheck("/health");

    private async Task<T> Started<T>(Task<T> starting) where T : IAsyncDisposable
    {
        var server = await starting;
        servers.Add(server);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }
        foreach (var server in servers)
        {
            await server.DisposeAsync();
        }
    }
}

[CollectionDefinition]
public sealed class GatewayCollection : ICollectionFixture<GatewayFixture>;
