using System.Net;
using System.Net.Http.Json;
using System.Net.NetworkInformation;

namespace Platform.Dashboard.Web.Tests;

/// <summary>Only the holder of the printed one-time link gets in, and only from this machine.</summary>
public sealed class DashboardSecurityTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/resources/api")]
    [InlineData("/console/api")]
    [InlineData("/console/x")]
    [InlineData("/resources/x")]
    [InlineData("/console/api/download")]
    [InlineData("/console/api/stream")]
    [InlineData("/_dashboard/dashboard.css")]
    public async Task Without_the_cookie_every_request_answers_401_with_directions(string path)
    {
        using var client = fixture.CreateAnonymousClient();

        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("login link", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_login_link_sets_a_strict_http_only_cookie_and_works_once()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var loginUrl = fixture.App.GetDashboardLoginUrl()!;
        using var browser = fixture.CreateAnonymousClient(followRedirects: false);

        var login = await browser.GetAsync(loginUrl, cancellation);

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/", login.Headers.Location?.OriginalString);
        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/", cancellation)).StatusCode);

        using var secondBrowser = fixture.CreateAnonymousClient(followRedirects: false);
        Assert.Equal(HttpStatusCode.Unauthorized, (await secondBrowser.GetAsync(loginUrl, cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await secondBrowser.GetAsync("/", cancellation)).StatusCode);
        Assert.NotEqual(loginUrl, fixture.App.GetDashboardLoginUrl());
        Assert.Equal(HttpStatusCode.Redirect, (await secondBrowser.GetAsync(fixture.App.GetDashboardLoginUrl(), cancellation)).StatusCode);
    }

    [Fact]
    public async Task A_wrong_token_does_not_log_in()
    {
        using var browser = fixture.CreateAnonymousClient(followRedirects: false);

        var response = await browser.GetAsync("/login?t=not-the-token", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public void The_dashboard_listens_on_the_loopback_address_only()
    {
        var dashboard = new Uri(fixture.DashboardUrl);
        var otlp = new Uri(fixture.App.ExecutionContext.OtlpEndpointUrl);
        Assert.Equal("127.0.0.1", dashboard.Host);

        var listeners = IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpListeners()
            .Where(l => l.Port == dashboard.Port || l.Port == otlp.Port).ToList();

        Assert.Contains(listeners, l => l.Port == dashboard.Port);
        Assert.Contains(listeners, l => l.Port == otlp.Port);
        Assert.All(listeners, l => Assert.Equal(IPAddress.Loopback, l.Address));
    }

    [Fact]
    public async Task Projects_get_the_OTLP_endpoint_and_the_run_s_api_key_header()
    {
        using var api = fixture.App.CreateHttpClient("api");

        var environment = await api.GetFromJsonAsync<Dictionary<string, string?>>("/env", TestContext.Current.CancellationToken);

        Assert.NotNull(environment);
        Assert.Equal($"x-otlp-api-key={fixture.App.ExecutionContext.OtlpApiKey}", environment["OTEL_EXPORTER_OTLP_HEADERS"]);
        Assert.Equal(fixture.App.ExecutionContext.OtlpEndpointUrl, environment["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        Assert.True(fixture.App.ExecutionContext.OtlpApiKey.Length >= 32);
    }

    [Fact]
    public async Task The_OTLP_port_takes_telemetry_with_the_key_and_serves_nothing_else()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var otlp = new Uri(fixture.App.ExecutionContext.OtlpEndpointUrl);
        using var client = new HttpClient { BaseAddress = otlp };
        HttpRequestMessage EmptyExport(string? key)
        {
            // An empty protobuf message is zero bytes: a valid, empty ExportTraceServiceRequest.
            var request = new HttpRequestMessage(HttpMethod.Post, "/v1/traces") { Content = new ByteArrayContent([]) };
            request.Content.Headers.ContentType = new("application/x-protobuf");
            if (key is not null)
            {
                request.Headers.Add("x-otlp-api-key", key);
            }
            return request;
        }

        using var accepted = await client.SendAsync(EmptyExport(fixture.App.ExecutionContext.OtlpApiKey), cancellation);
        using var withoutKey = await client.SendAsync(EmptyExport(null), cancellation);
        using var page = await client.GetAsync("/", cancellation);
        using var loggedIn = await fixture.CreateLoggedInClientAsync();
        using var onPagesPort = await loggedIn.SendAsync(EmptyExport(fixture.App.ExecutionContext.OtlpApiKey), cancellation);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withoutKey.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.False(onPagesPort.IsSuccessStatusCode, $"the pages' port took telemetry: {(int)onPagesPort.StatusCode}");
    }
}
