using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.ServiceDiscovery;
using Platform.ServiceDefaults.Tests.Support;

namespace Platform.ServiceDefaults.Tests;

/// <summary>
/// Service discovery as the service defaults set it up (Microsoft.Extensions.ServiceDiscovery): HttpClients calling
/// <c>http://service</c> against real Kestrel replicas, and the resolver the gateway's proxy asks.
/// </summary>
public sealed class ServiceDiscoveryTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>A replica answering its name, the path and the query it received.</summary>
    private static Task<TestWebServer> Replica(string name) =>
        TestWebServer.StartAsync(app => app.Run(context =>
            context.Response.WriteAsync($"{name} {context.Request.Path}{context.Request.QueryString}", context.RequestAborted)), Cancellation);

    private static async Task<string> ResolveAsync(ClientHost host, string service) =>
        string.Join(" ", (await host.GetRequiredService<ServiceEndpointResolver>().GetEndpointsAsync(service, Cancellation)).Endpoints);

    [Fact]
    public async Task An_http_address_reaches_the_configured_endpoint_keeping_path_and_query()
    {
        await using var replica = await Replica("products-0");
        using var host = ClientHost.Create(new Dictionary<string, string?> { ["services:products:http:0"] = replica.Url.ToString() });

        var answer = await host.CreateClient().GetStringAsync("http://products/api/products/7?currency=EUR", Cancellation);

        Assert.Equal("products-0 /api/products/7?currency=EUR", answer);
    }

    [Fact]
    public async Task Requests_go_round_robin_over_the_replicas()
    {
        await using var first = await Replica("products-0");
        await using var second = await Replica("products-1");
        using var host = ClientHost.Create(new Dictionary<string, string?>
        {
            ["services:products:http:0"] = first.Url.ToString(),
            ["services:products:http:1"] = second.Url.ToString(),
        });
        var client = host.CreateClient();

        var replicas = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            replicas.Add((await client.GetStringAsync("http://products/", Cancellation)).Split(' ')[0]);
        }

        Assert.Equal(2, replicas.Count(r => r == "products-0"));
        Assert.Equal(2, replicas.Count(r => r == "products-1"));
        Assert.All(replicas.Zip(replicas.Skip(1)), pair => Assert.NotEqual(pair.First, pair.Second));
    }

    [Fact]
    public async Task Https_plus_http_prefers_https_endpoints_and_falls_back_to_http()
    {
        using var both = ClientHost.Create(new Dictionary<string, string?>
        {
            ["services:products:http:0"] = "http://127.0.0.1:5001",
            ["services:products:https:0"] = "https://127.0.0.1:5002",
        });
        using var httpOnly = ClientHost.Create(new Dictionary<string, string?> { ["services:products:http:0"] = "http://127.0.0.1:5001" });

        Assert.Equal("https://127.0.0.1:5002/", await ResolveAsync(both, "https+http://products"));
        Assert.Equal("http://127.0.0.1:5001/", await ResolveAsync(both, "http://products"));
        Assert.Equal("http://127.0.0.1:5001/", await ResolveAsync(httpOnly, "https+http://products"));
    }

    [Fact]
    public async Task An_underscore_prefix_selects_a_named_endpoint()
    {
        using var host = ClientHost.Create(new Dictionary<string, string?>
        {
            ["services:products:http:0"] = "http://127.0.0.1:5001",
            ["services:products:dashboard:0"] = "http://127.0.0.1:5099",
        });

        Assert.Equal("http://127.0.0.1:5099/", await ResolveAsync(host, "http://_dashboard.products"));
    }

    [Fact]
    public async Task An_unconfigured_service_passes_through_to_DNS()
    {
        await using var replica = await Replica("local");
        using var host = ClientHost.Create(new Dictionary<string, string?> { ["services:other:http:0"] = "http://127.0.0.1:5001" });

        // "localhost" is not configured: the request goes to the host name as it is, as Kubernetes DNS would resolve it.
        var answer = await host.CreateClient().GetStringAsync($"http://localhost:{replica.Url.Port}/ping", Cancellation);

        Assert.Equal("local /ping", answer);
    }

    [Fact]
    public async Task A_configuration_change_is_picked_up()
    {
        await using var before = await Replica("before");
        await using var after = await Replica("after");
        using var host = ClientHost.Create(new Dictionary<string, string?> { ["services:products:http:0"] = before.Url.ToString() });
        var client = host.CreateClient();
        Assert.StartsWith("before", await client.GetStringAsync("http://products/", Cancellation));

        host.Configuration["services:products:http:0"] = after.Url.ToString();
        host.Configuration.Reload();

        Assert.StartsWith("after", await client.GetStringAsync("http://products/", Cancellation));
    }
}
