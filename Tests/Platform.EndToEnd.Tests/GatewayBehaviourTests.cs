using System.Net;
using System.Net.Http.Json;

namespace Platform.EndToEnd.Tests;

[Collection(nameof(SystemCollection))]
public sealed class GatewayBehaviourTests(SystemFixture system)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Too_many_requests_from_one_user_get_429_with_Retry_After()
    {
        var customer = await system.RegisterCustomerAsync(Cancellation);
        using var client = system.CreateGatewayClient(customer.AccessToken);

        HttpResponseMessage? limited = null;
        for (var request = 0; request < 200 && limited is null; request++)
        {
            var response = await client.GetAsync("/api/users/me", Cancellation);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
            }
            else
            {
                response.Dispose();
            }
        }

        Assert.NotNull(limited);
        Assert.NotNull(limited.Headers.RetryAfter);
        await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        limited.Dispose();
    }

    [Fact]
    public async Task A_stopped_upstream_answers_a_problem_and_recovers_when_it_is_back()
    {
        using var client = system.CreateGatewayClient();

        await system.App.StopResourceAsync("products", TestContext.Current.CancellationToken);
        try
        {
            using var down = await client.GetAsync("/api/products?page=1", Cancellation);
            // Aspire's proxy in front of the stopped replicas holds the connection rather than refusing it, so the
            // gateway answers 504 after its upstream timeout; without the proxy (Kubernetes, the gateway tests) it is a 503.
            Assert.Contains(down.StatusCode, new[] { HttpStatusCode.ServiceUnavailable, HttpStatusCode.GatewayTimeout });
            await down.AssertProblemAsync(down.StatusCode);
        }
        finally
        {
            await system.App.StartResourceAsync("products", TestContext.Current.CancellationToken);
            await system.App.WaitForResourceHealthyAsync("products", cancellationToken: Cancellation);
        }

        var page = await client.GetFromJsonAsync<ProductPage>("/api/products?page=1", Cancellation);
        Assert.NotEmpty(page!.Items);
    }
}
