using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Platform.Gateway.Tests.Support;

namespace Platform.Gateway.Tests;

[Collection(typeof(GatewayCollection))]
public sealed class UpstreamFailureTests(GatewayFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private HttpRequestMessage Request(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new("Bearer", fixture.Tokens.Token("failure-watcher"));
        return request;
    }

    [Fact]
    public async Task A_stopped_service_is_a_503_problem_until_it_is_back()
    {
        using var client = fixture.CreateClient();
        var notifications = fixture.Notifications;

        await notifications.StopAsync();
        try
        {
            using var down = await client.SendAsync(Request("/api/notifications"), Cancellation);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
            Assert.Equal("application/problem+json", down.Content.Headers.ContentType?.MediaType);
        }
        finally
        {
            await notifications.StartAgainAsync(Cancellation);
        }

        using var back = await client.SendAsync(Request("/api/notifications"), Cancellation);
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
    }

    [Fact]
    public async Task A_replica_that_refuses_connections_is_skipped_for_another_one()
    {
        using var client = fixture.CreateClient();
        var stopped = fixture.Products[1];

        await stopped.StopAsync();
        try
        {
            var answers = new List<(HttpStatusCode Status, string? Replica)>();
            for (var i = 0; i < 6; i++)
            {
                using var response = await client.SendAsync(Request("/api/products/search"), Cancellation);
                var echo = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<Echo>(Cancellation) : null;
                answers.Add((response.StatusCode, echo?.Service));
            }

            Assert.All(answers, answer => Assert.Equal((HttpStatusCode.OK, "products-0"), answer));
        }
        finally
        {
            await stopped.StartAgainAsync(Cancellation);
        }
    }

    [Fact]
    public async Task A_slow_service_is_a_504_problem_after_the_upstream_timeout()
    {
        using var client = fixture.CreateClient();
        fixture.Orders.Reset();
        var clock = Stopwatch.StartNew();

        using var response = await client.SendAsync(Request("/api/orders/hold"), Cancellation);

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.InRange(clock.Elapsed, GatewayFixture.UpstreamTimeout - TimeSpan.FromMilliseconds(100), GatewayFixture.UpstreamTimeout + TimeSpan.FromSeconds(5));
        await fixture.Orders.HeldRequestAborted.Task.WaitAsync(TimeSpan.FromSeconds(10), Cancellation);
    }

    [Fact]
    public async Task A_broken_response_is_a_502_problem()
    {
        using var client = fixture.CreateClient();

        using var response = await client.SendAsync(Request("/api/orders/broken"), Cancellation);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_client_that_disconnects_cancels_the_upstream_call()
    {
        using var client = fixture.CreateClient();
        fixture.Orders.Reset();
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        giveUp.CancelAfter(TimeSpan.FromMilliseconds(500));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.SendAsync(Request("/api/orders/hold"), giveUp.Token));

        await fixture.Orders.HeldRequestAborted.Task.WaitAsync(TimeSpan.FromSeconds(10), Cancellation);
    }
}
