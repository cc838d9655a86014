using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Platform.ServiceDefaults.Resilience;
using Platform.ServiceDefaults.Tests.Support;
using Polly.CircuitBreaker;

namespace Platform.ServiceDefaults.Tests;

/// <summary>
/// Clients with the service defaults (Microsoft.Extensions.Http.Resilience's standard handler, configured from
/// <c>HttpClientResilience</c>) calling real Kestrel upstreams through service discovery.
/// </summary>
public sealed class ResilienceTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>Fast back-off so retries take milliseconds; the breaker as tests set it.</summary>
    private static ClientHost Client(params (string Service, Uri Url)[] upstreams)
    {
        var settings = new Dictionary<string, string?>
        {
            ["HttpClientResilience:Retry:Delay"] = "00:00:00.010",
            ["HttpClientResilience:AttemptTimeout:Timeout"] = "00:00:00.500",
            ["HttpClientResilience:CircuitBreaker:MinimumThroughput"] = "4",
            ["HttpClientResilience:CircuitBreaker:FailureRatio"] = "0.5",
            ["HttpClientResilience:CircuitBreaker:BreakDuration"] = "00:00:01",
        };
        foreach (var (service, url) in upstreams)
        {
            settings[$"services:{service}:http:0"] = url.ToString();
        }
        return ClientHost.Create(settings);
    }

    /// <summary>An upstream answering its first <paramref name="failures"/> requests with <paramref name="failure"/>, then echoing the body.</summary>
    private static Task<TestWebServer> FailingFirst(int failures, Func<HttpContext, Task> failure, List<DateTime> arrivals) =>
        TestWebServer.StartAsync(app => app.Map("/", async context =>
        {
            int arrival;
            lock (arrivals)
            {
                arrivals.Add(DateTime.UtcNow);
                arrival = arrivals.Count;
            }
            if (arrival <= failures)
            {
                await failure(context);
                return;
            }
            using var body = new StreamReader(context.Request.Body);
            await context.Response.WriteAsync($"ok:{await body.ReadToEndAsync(context.RequestAborted)}", context.RequestAborted);
        }), Cancellation);

    private static Task Status(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_transient_503_is_retried_and_succeeds()
    {
        var arrivals = new List<DateTime>();
        await using var upstream = await FailingFirst(2, c => Status(c, 503), arrivals);
        using var host = Client(("upstream", upstream.Url));

        var response = await host.CreateClient().GetAsync("http://upstream/", Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, arrivals.Count);
    }

    [Fact]
    public async Task A_POST_without_an_Idempotency_Key_is_not_retried()
    {
        var arrivals = new List<DateTime>();
        await using var upstream = await FailingFirst(1, c => Status(c, 503), arrivals);
        using var host = Client(("upstream", upstream.Url));

        var response = await host.CreateClient().PostAsync("http://upstream/", new StringContent("order"), Cancellation);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Single(arrivals);
    }

    [Fact]
    public async Task A_POST_with_an_Idempotency_Key_is_retried_and_its_body_sent_again()
    {
        var arrivals = new List<DateTime>();
        await using var upstream = await FailingFirst(1, c => Status(c, 503), arrivals);
        using var host = Client(("upstream", upstream.Url));
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://upstream/") { Content = new StringContent("order 42") };
        request.Headers.Add(IdempotentRetries.IdempotencyKeyHeader, Guid.NewGuid().ToString());

        var response = await host.CreateClient().SendAsync(request, Cancellation);

        Assert.Equal("ok:order 42", await response.Content.ReadAsStringAsync(Cancellation));
        Assert.Equal(2, arrivals.Count);
    }

    [Fact]
    public async Task A_POST_whose_connection_breaks_is_not_retried_without_an_Idempotency_Key()
    {
        var arrivals = new List<DateTime>();
        await using var upstream = await FailingFirst(1, context =>
        {
            context.Abort();
            return Task.CompletedTask;
        }, arrivals);
        using var host = Client(("upstream", upstream.Url));

        await Assert.ThrowsAsync<HttpRequestException>(() => host.CreateClient().PostAsync("http://upstream/", new StringContent("order"), Cancellation));

        Assert.Single(arrivals);
    }

    [Fact]
    public async Task A_PUT_is_retried_as_idempotent()
    {
        var arrivals = new List<DateTime>();
        await using var upstream = await FailingFirst(1, c => Status(c, 503), arrivals);
        using var host = Client(("upstream", upstream.Url));

        var response = await host.CreateClient().PutAsync("http://upstream/", new StringContent("quantity 2"), Cancellation);

        Assert.Equal("ok:quantity 2", await response.Content.ReadAsStringAsync(Cancellation));
        Assert.Equal(2, arrivals.Count);
    }

    [Fact]
    public async Task A_429_is_retried_after_the_delay_its_Retry_After_header_asks_for()
    {
        var arrivals = new List<DateTime>();
        await using var upstream = await FailingFirst(1, context =>
        {
            context.Response.Headers.RetryAfter = "1";
            return Status(context, 429);
        }, arrivals);
        using var host = Client(("upstream", upstream.Url));

        var response = await host.CreateClient().GetAsync("http://upstream/", Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, arrivals.Count);
        Assert.InRange(arrivals[1] - arrivals[0], TimeSpan.FromMilliseconds(950), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task An_attempt_that_times_out_is_retried()
    {
        var arrivals = new List<DateTime>();
        await using var upstream = await FailingFirst(1, context => Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted), arrivals);
        using var host = Client(("upstream", upstream.Url));
        var stopwatch = Stopwatch.StartNew();

        var response = await host.CreateClient().GetAsync("http://upstream/", Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, arrivals.Count);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(4), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task The_circuit_of_a_failing_destination_opens_and_closes_again_after_its_break_duration()
    {
        var arrivals = new List<DateTime>();
        var failing = true;
        await using var upstream = await TestWebServer.StartAsync(app => app.MapGet("/", () =>
        {
            lock (arrivals)
            {
                arrivals.Add(DateTime.UtcNow);
            }
            return failing ? Results.StatusCode(500) : Results.Text("recovered");
        }), Cancellation);
        await using var healthy = await TestWebServer.StartAsync(app => app.MapGet("/", () => "fine"), Cancellation);
        using var host = Client(("upstream", upstream.Url), ("healthy", healthy.Url));
        var client = host.CreateClient();

        // One request, four failed attempts: the minimum throughput, all failures.
        Assert.Equal(HttpStatusCode.InternalServerError, (await client.GetAsync("http://upstream/", Cancellation)).StatusCode);
        var attempts = arrivals.Count;
        await Assert.ThrowsAsync<BrokenCircuitException>(() => client.GetAsync("http://upstream/", Cancellation));
        Assert.Equal(attempts, arrivals.Count);
        Assert.Equal("fine", await client.GetStringAsync("http://healthy/", Cancellation));

        failing = false;
        await Task.Delay(TimeSpan.FromSeconds(1.2), Cancellation);
        Assert.Equal("recovered", await client.GetStringAsync("http://upstream/", Cancellation));
        Assert.Equal("recovered", await client.GetStringAsync("http://upstream/", Cancellation));
    }
}
