using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.IdentityModel.Tokens;
using Platform.Gateway.Tests.Support;

namespace Platform.Gateway.Tests;

[Collection(typeof(GatewayCollection))]
public sealed class AuthenticationTests(GatewayFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token)
    {
        using var client = fixture.CreateClient();
        using var request = new HttpRequestMessage(method, path);
        if (method == HttpMethod.Post)
        {
            request.Content = JsonContent.Create(new { });
        }
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }
        return await client.SendAsync(request, Cancellation);
    }

    public static TheoryData<string, string> ProtectedRoutes => new()
    {
        { "GET", "/api/users/me" },
        { "PUT", "/api/users/5" },
        { "POST", "/api/products" },
        { "DELETE", "/api/categories/3" },
        { "GET", "/api/cart" },
        { "POST", "/api/orders" },
        { "GET", "/api/notifications" },
    };

    [Theory]
    [MemberData(nameof(ProtectedRoutes))]
    public async Task A_protected_route_without_a_token_is_a_401_problem(string method, string path)
    {
        using var response = await SendAsync(new HttpMethod(method), path, token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_tampered_token_is_refused()
    {
        var parts = fixture.Tokens.Token("mallory").Split('.');
        var claims = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1]))
            .Replace("customer", "admin");
        var tampered = $"{parts[0]}.{Base64UrlEncoder.Encode(claims)}.{parts[2]}";

        using var response = await SendAsync(HttpMethod.Get, "/api/orders", tampered);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        using var response = await SendAsync(HttpMethod.Get, "/api/orders", fixture.Tokens.Token("late", lifetime: TimeSpan.FromMinutes(-5)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_valid_token_passes_and_is_forwarded()
    {
        var token = fixture.Tokens.Token("alice");

        using var response = await SendAsync(HttpMethod.Get, "/api/orders", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"Bearer {token}", (await Echo.ReadAsync(response, Cancellation)).Headers["authorization"]);
    }

    [Theory]
    [InlineData("POST", "/api/users")]
    [InlineData("POST", "/api/users/login")]
    [InlineData("GET", "/api/products")]
    [InlineData("GET", "/api/products/12")]
    [InlineData("HEAD", "/api/products/12")]
    [InlineData("GET", "/api/categories")]
    public async Task A_public_route_passes_without_a_token(string method, string path)
    {
        using var response = await SendAsync(new HttpMethod(method), path, token: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
