using System.Net;
using System.Text;
using Platform.Gateway.Tests.Support;

namespace Platform.Gateway.Tests;

[Collection(typeof(GatewayCollection))]
public sealed class RoutingTests(GatewayFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/api/users/me", "users")]
    [InlineData("/api/products/42", "products-")]
    [InlineData("/api/categories", "products-")]
    [InlineData("/api/cart", "orders")]
    [InlineData("/api/orders/7/cancel", "orders")]
    [InlineData("/api/notifications", "notifications")]
    public async Task Each_prefix_reaches_its_service_with_path_and_query(string path, string service)
    {
        using var client = fixture.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{path}?search=red%20shoes&page=2");
        request.Headers.Authorization = new("Bearer", fixture.Tokens.Token("router"));

        using var response = await client.SendAsync(request, Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var echo = await Echo.ReadAsync(response, Cancellation);
        Assert.StartsWith(service, echo.Service);
        Assert.Equal(path, echo.Path);
        Assert.Equal("?search=red%20shoes&page=2", echo.Query);
    }

    [Fact]
    public async Task The_method_and_content_headers_are_forwarded()
    {
        using var client = fixture.CreateClient();

        using var content = new StringContent("""{"username":"ann"}""", Encoding.UTF8, "application/json");

        using var response = await client.PostAsync("/api/users", content, Cancellation);

        var echo = await Echo.ReadAsync(response, Cancellation);
        Assert.Equal("POST", echo.Method);
        Assert.StartsWith("application/json", echo.Headers["content-type"]);
        Assert.Equal("18", echo.Headers["content-length"]);
    }

    [Fact]
    public async Task Products_replicas_are_used_round_robin()
    {
        using var client = fixture.CreateClient();

        var services = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.GetAsync("/api/products", Cancellation);
            services.Add((await Echo.ReadAsync(response, Cancellation)).Service);
        }

        Assert.Equal(2, services.Count(s => s == "products-0"));
        Assert.Equal(2, services.Count(s => s == "products-1"));
        Assert.NotEqual(services[0], services[1]);
    }

    [Theory]
    [InlineData("/api/nothing")]
    [InlineData("/api/usersx/1")]
    public async Task An_unknown_api_path_is_a_404_problem(string path)
    {
        using var client = fixture.CreateClient();

        using var response = await client.GetAsync(path, Cancellation);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("users")]
    [InlineData("products")]
    [InlineData("orders")]
    [InlineData("notifications")]
    public async Task A_services_OpenAPI_document_is_served_through_the_gateway(string service)
    {
        using var client = fixture.CreateClient();

        using var response = await client.GetAsync($"/openapi/{service}.json", Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var echo = await Echo.ReadAsync(response, Cancellation);
        Assert.StartsWith(service, echo.Service);
        Assert.Equal("/openapi/v1.json", echo.Path);
    }

    [Fact]
    public async Task An_unknown_services_OpenAPI_document_is_a_404_problem()
    {
        using var client = fixture.CreateClient();

        using var response = await client.GetAsync("/openapi/payments.json", Cancellation);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_gateway_answers_its_own_health_probes()
    {
        using var client = fixture.CreateClient();

        using var health = await client.GetAsync("/health", Cancellation);
        using var alive = await client.GetAsync("/alive", Cancellation);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }
}
