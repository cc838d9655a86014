using Microsoft.Extensions.Configuration;
using Platform.ServiceDefaults.ServiceDiscovery;

namespace Platform.ServiceDefaults.Tests;

public sealed class ServiceDiscoveryTests
{
    private static (ServiceEndpointResolver Resolver, IConfigurationRoot Configuration) Resolver(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
            .Build();
        return (new ServiceEndpointResolver(configuration), configuration);
    }

    private static string Resolve(ServiceEndpointResolver resolver, string uri) => resolver.Resolve(new Uri(uri)).ToString();

    [Fact]
    public void An_http_address_resolves_to_the_configured_endpoint_keeping_path_and_query()
    {
        var (resolver, _) = Resolver(("services:products:http:0", "http://127.0.0.1:5001"));

        Assert.Equal("http://127.0.0.1:5001/api/products/7?currency=EUR", Resolve(resolver, "http://products/api/products/7?currency=EUR"));
    }

    [Fact]
    public void Https_plus_http_prefers_an_https_endpoint()
    {
        var (resolver, _) = Resolver(("services:products:http:0", "http://127.0.0.1:5001"), ("services:products:https:0", "https://127.0.0.1:5002"));

        Assert.Equal("https://127.0.0.1:5002/ping", Resolve(resolver, "https+http://products/ping"));
        Assert.Equal("http://127.0.0.1:5001/ping", Resolve(resolver, "http://products/ping"));
    }

    [Fact]
    public void Https_plus_http_falls_back_to_http_without_an_https_endpoint()
    {
        var (resolver, _) = Resolver(("services:products:http:0", "http://127.0.0.1:5001"));

        Assert.Equal("http://127.0.0.1:5001/ping", Resolve(resolver, "https+http://products/ping"));
    }

    [Fact]
    public void An_underscore_prefix_selects_a_named_endpoint()
    {
        var (resolver, _) = Resolver(("services:products:http:0", "http://127.0.0.1:5001"), ("services:products:dashboard:0", "http://127.0.0.1:5099"));

        Assert.Equal("http://127.0.0.1:5099/", Resolve(resolver, "http://_dashboard.products/"));
    }

    [Fact]
    public void Replicas_are_used_round_robin()
    {
        var (resolver, _) = Resolver(
            ("services:products:http:0", "http://127.0.0.1:5001"),
            ("services:products:http:1", "http://127.0.0.1:5002"),
            ("services:products:http:2", "http://127.0.0.1:5003"));

        var ports = Enumerable.Range(0, 6).Select(_ => resolver.Resolve(new Uri("http://products/")).Port);

        Assert.Equal([5001, 5002, 5003, 5001, 5002, 5003], ports);
    }

    [Theory]
    [InlineData("http://catalog.internal/api?x=1", "http://catalog.internal/api?x=1")]
    [InlineData("http://products:8080/api", "http://products:8080/api")]
    [InlineData("https+http://products/api", "https://products/api")]
    public void An_unconfigured_host_passes_through_to_DNS(string address, string expected)
    {
        var (resolver, _) = Resolver(("services:other:http:0", "http://127.0.0.1:5001"));

        Assert.Equal(expected, Resolve(resolver, address));
    }

    [Fact]
    public void A_configured_service_without_the_requested_scheme_is_an_error_naming_its_section()
    {
        var (resolver, _) = Resolver(("services:products:http:0", "http://127.0.0.1:5001"));

        var error = Assert.Throws<InvalidOperationException>(() => resolver.Resolve(new Uri("https://products/")));

        Assert.Contains("services:products", error.Message);
    }

    [Fact]
    public void A_configuration_change_is_picked_up()
    {
        var (resolver, configuration) = Resolver(("services:products:http:0", "http://127.0.0.1:5001"));
        Assert.Equal("http://127.0.0.1:5001/", Resolve(resolver, "http://products/"));

        configuration["services:products:http:0"] = "http://127.0.0.1:6001";
        configuration["services:products:http:1"] = "http://127.0.0.1:6002";
        configuration.Reload();

        Assert.Equal(["http://127.0.0.1:6001/", "http://127.0.0.1:6002/"], new[] { Resolve(resolver, "http://products/"), Resolve(resolver, "http://products/") });
    }
}
