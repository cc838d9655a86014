using System.Diagnostics;
using System.Net;
using Platform.Gateway.Tests.Support;

namespace Platform.Gateway.Tests;

[Collection(typeof(GatewayCollection))]
public sealed class HeaderForwardingTests(GatewayFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task End_to_end_headers_are_forwarded_and_hop_by_hop_ones_are_not()
    {
        using var client = fixture.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/products/1");
        request.Headers.Add("X-Custom", "kept");
        request.Headers.Connection.Add("X-Client-Hop");
        request.Headers.Add("X-Client-Hop", "1");
        request.Headers.Add("Keep-Alive", "timeout=5");
        request.Headers.Add("Proxy-Client", "1");

        using var response = await client.SendAsync(request, Cancellation);

        var headers = (await Echo.ReadAsync(response, Cancellation)).Headers;
        Assert.Equal("kept", headers["x-custom"]);
        Assert.DoesNotContain("x-client-hop", headers.Keys);
        Assert.DoesNotContain("keep-alive", headers.Keys);
        Assert.DoesNotContain("proxy-client", headers.Keys);
    }

    [Fact]
    public async Task Hop_by_hop_response_headers_are_not_returned()
    {
        using var direct = new HttpClient { BaseAddress = fixture.Products[0].Url };
        using var fromUpstream = await direct.GetAsync("/api/products/hop-by-hop", Cancellation);
        Assert.True(fromUpstream.Headers.Contains("X-Upstream-Hop"));
        Assert.True(fromUpstream.Headers.Contains("Proxy-Upstream"));
        using var client = fixture.CreateClient();

        using var response = await client.GetAsync("/api/products/hop-by-hop", Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.Contains("X-Upstream-Kept"));
        Assert.False(response.Headers.Contains("X-Upstream-Hop"));
        Assert.False(response.Headers.Contains("Proxy-Upstream"));
        Assert.DoesNotContain("X-Upstream-Hop", response.Headers.Connection);
    }

    [Fact]
    public async Task X_Forwarded_headers_describe_the_client_and_append_to_existing_ones()
    {
        using var client = fixture.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/products/1");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");

        using var response = await client.SendAsync(request, Cancellation);

        var headers = (await Echo.ReadAsync(response, Cancellation)).Headers;
        Assert.Equal("203.0.113.7, 127.0.0.1", headers["x-forwarded-for"]);
        Assert.Equal("http", headers["x-forwarded-proto"]);
        Assert.Equal(client.BaseAddress!.Authority, headers["x-forwarded-host"]);
    }

    [Fact]
    public async Task The_upstream_request_carries_the_gateways_span_in_the_callers_trace()
    {
        using var client = fixture.CreateClient();
        var traceId = ActivityTraceId.CreateRandom();
        var callerSpan = ActivitySpanId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/products/1");
        request.Headers.Add("traceparent", $"00-{traceId}-{callerSpan}-01");

        using var response = await client.SendAsync(request, Cancellation);

        var traceparent = (await Echo.ReadAsync(response, Cancellation)).Headers["traceparent"].Split('-');
        Assert.Equal(traceId.ToString(), traceparent[1]);
        Assert.NotEqual(callerSpan.ToString(), traceparent[2]);
    }
}
