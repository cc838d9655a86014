using System.Net;

namespace Platform.Gateway.Tests;

[Collection(typeof(GatewayCollection))]
public sealed class CorsTests(GatewayFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private async Task<HttpResponseMessage> PreflightAsync(string origin)
    {
        using var client = fixture.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/cart");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "PUT");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        return await client.SendAsync(request, Cancellation);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000")]
    [InlineData("http://localhost:5000")]
    public async Task A_preflight_from_the_storefront_is_allowed(string origin)
    {
        using var response = await PreflightAsync(origin);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(origin, Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("PUT", response.Headers.GetValues("Access-Control-Allow-Methods"));
    }

    [Fact]
    public async Task A_preflight_from_another_origin_is_refused()
    {
        using var response = await PreflightAsync("http://evil.example");

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }
}
