using System.Net;

namespace Platform.Gateway.Tests;

/// <summary>Against the "limited" gateway, which allows <see cref="GatewayFixture.PermitsPerUser"/> and <see cref="GatewayFixture.PermitsPerIp"/> requests per window.</summary>
[Collection(typeof(GatewayCollection))]
public sealed class RateLimitingTests(GatewayFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private async Task<HttpResponseMessage> GetAsync(HttpClient client, string? user, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/products");
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }
        if (user is not null)
        {
            request.Headers.Authorization = new("Bearer", fixture.Tokens.Token(user));
        }
        return await client.SendAsync(request, Cancellation);
    }

    [Fact]
    public async Task Requests_over_the_per_user_and_per_IP_limits_are_429_problems_with_Retry_After()
    {
        using var client = fixture.CreateClient("limited");

        for (var i = 0; i < GatewayFixture.PermitsPerUser; i++)
        {
            using var allowed = await GetAsync(client, "busy-user");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }
        using var userLimited = await GetAsync(client, "busy-user");
        // Another user from the same address still has permits: the first limit was per user.
        using var otherUser = await GetAsync(client, "other-user");

        Assert.Equal(HttpStatusCode.TooManyRequests, userLimited.StatusCode);
        Assert.Equal("application/problem+json", userLimited.Content.Headers.ContentType?.MediaType);
        Assert.True(userLimited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.OK, otherUser.StatusCode);

        var usedByAddress = GatewayFixture.PermitsPerUser + 1;
        for (var i = usedByAddress; i < GatewayFixture.PermitsPerIp; i++)
        {
            using var allowed = await GetAsync(client, user: null);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }
        using var addressLimited = await GetAsync(client, user: null);
        // A proxy on this host (the storefront) names the browser: that browser has permits of its own.
        using var proxiedBrowser = await GetAsync(client, user: null, forwardedFor: "198.51.100.1, 203.0.113.7");

        Assert.Equal(HttpStatusCode.TooManyRequests, addressLimited.StatusCode);
        Assert.NotNull(addressLimited.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, proxiedBrowser.StatusCode);
    }
}
