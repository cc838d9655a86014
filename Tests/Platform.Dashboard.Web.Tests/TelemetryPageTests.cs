using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Platform.Dashboard.Web.Tests;

/// <summary>The structured logs, traces and metrics pages and the export, fed by the SDK's OTLP exporter.</summary>
public sealed partial class TelemetryPageTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_structured_logs_page_lists_a_record_with_its_level_resource_and_trace_link()
    {
        var sent = await TelemetrySender.SendAsync(fixture);
        using var browser = await fixture.CreateLoggedInClientAsync();

        var html = await EventuallyPageAsync(browser, "/structuredlogs", sent.Marker);

        var row = LogRow(html, $"Checkout {sent.Marker} is slow for basket 42");
        Assert.Contains("data-level=\"Warning\"", row);
        Assert.Contains("class=\"level level-warning\"", row);
        Assert.Contains("data-resource-chip=\"basket\"", row);
        Assert.Contains($"href=\"/traces/{sent.TraceId}\"", row);
        Assert.Contains("Shop.Basket.Checkout", row); // the category, in the expanded part
        Assert.Contains("data-live-store=\"logs\"", html);
        Assert.Contains("<option value=\"orders/orders-2\"", html); // a replica of a service with several instances
        Assert.DoesNotContain($"href=\"/traces/", LogRow(html, $"Order book {sent.Marker} reconciled"));
    }

    [Fact]
    public async Task The_structured_logs_filter_by_resource_level_text_and_trace()
    {
        var sent = await TelemetrySender.SendAsync(fixture);
        using var browser = await fixture.CreateLoggedInClientAsync();
        var warning = $"Checkout {sent.Marker} is slow";
        var information = $"Order book {sent.Marker} reconciled";
        await EventuallyPageAsync(browser, "/structuredlogs", information);

        var byResource = await browser.GetStringAsync($"/structuredlogs?resource=orders&text={sent.Marker}", Cancellation);
        Assert.Contains(information, byResource);
        Assert.DoesNotContain(warning, byResource);

        var byLevel = await browser.GetStringAsync($"/structuredlogs?level=Warning&text={sent.Marker}", Cancellation);
        Assert.Contains(warning, byLevel);
        Assert.DoesNotContain(information, byLevel);
        Assert.Contains("<option value=\"Warning\" selected", byLevel);

        var byTrace = await browser.GetStringAsync($"/structuredlogs?trace={sent.TraceId}", Cancellation);
        Assert.Contains(warning, byTrace);
        Assert.DoesNotContain(information, byTrace);

        var none = await browser.GetStringAsync("/structuredlogs?text=nothing-logs-this-text", Cancellation);
        Assert.Contains("No log records match these filters.", none);
        Assert.Contains("value=\"nothing-logs-this-text\"", none); // the filter stays in the form
    }

    [Fact]
    public async Task The_traces_page_lists_a_trace_across_resources_with_its_spans_and_errors()
    {
        var sent = await TelemetrySender.SendAsync(fixture);
        using var browser = await fixture.CreateLoggedInClientAsync();

        var html = await EventuallyPageAsync(browser, $"/traces?text={sent.Marker}", sent.TraceId);

        var row = TraceRow(html, sent.TraceId);
        Assert.Contains($"POST /checkout {sent.Marker}", row);
        Assert.Contains("data-resource-chip=\"basket\"", row);
        Assert.Contains("data-resource-chip=\"orders\"", row);
        Assert.Contains("data-span-count=\"3\"", row);
        Assert.Contains("class=\"num errors\" data-error-count=\"1\"", row);
        Assert.Contains($"href=\"/traces/{sent.TraceId}\"", row);

        Assert.Contains(sent.TraceId, await browser.GetStringAsync($"/traces?errors=true&resource=orders&text={sent.Marker}", Cancellation));
        Assert.DoesNotContain(sent.TraceId, await browser.GetStringAsync("/traces?text=no-span-is-called-this", Cancellation));
        Assert.Contains("No traces match these filters.", await browser.GetStringAsync("/traces?text=no-span-is-called-this", Cancellation));
    }

    [Fact]
    public async Task The_trace_page_has_one_waterfall_row_per_span_in_order_with_its_depth()
    {
        var sent = await TelemetrySender.SendAsync(fixture);
        using var browser = await fixture.CreateLoggedInClientAsync();

        var html = await EventuallyPageAsync(browser, $"/traces/{sent.TraceId}", "INSERT orders");

        var rows = SpanRow().Matches(html).Select(m => (Id: m.Groups[2].Value, Resource: m.Groups[3].Value, Depth: int.Parse(m.Groups[4].Value), Error: m.Groups[1].Value.Contains("error"))).ToList();
        Assert.Equal(sent.SpanIds, rows.Select(r => r.Id));
        Assert.Equal([0, 1, 2], rows.Select(r => r.Depth));
        Assert.Equal(["basket", "orders", "orders"], rows.Select(r => r.Resource));
        Assert.Equal([false, false, true], rows.Select(r => r.Error));
        Assert.Contains("deadlock detected", html);
        Assert.Contains($"href=\"/structuredlogs?trace={sent.TraceId}\"", html);
        Assert.Matches("class=\"bar\" style=\"--h:\\d+;left:[\\d.]+%;width:[\\d.]+%\"", html);
    }

    [Fact]
    public async Task An_unknown_trace_is_a_friendly_404()
    {
        using var browser = await fixture.CreateLoggedInClientAsync();

        var response = await browser.GetAsync("/traces/0123456789abcdef0123456789abcdef", Cancellation);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Trace not found", await response.Content.ReadAsStringAsync(Cancellation));
    }

    [Fact]
    public async Task The_metrics_page_lists_the_instrument_and_charts_one_polyline_per_series()
    {
        var sent = await TelemetrySender.SendAsync(fixture);
        using var browser = await fixture.CreateLoggedInClientAsync();

        var list = await EventuallyPageAsync(browser, "/metrics?resource=orders/orders-1", sent.MeterName);
        Assert.Contains($"data-instrument=\"{TelemetrySender.Instrument}\" data-meter=\"{sent.MeterName}\"", list);

        var html = await browser.GetStringAsync(
            $"/metrics?resource=orders/orders-1&meter={sent.MeterName}&instrument={TelemetrySender.Instrument}", Cancellation);
        Assert.Contains("<svg class=\"metric-chart\"", html);
        Assert.Equal(2, Polyline().Matches(html).Count);
        Assert.Contains("<span class=\"swatch s0\"></span>region=eu</li>", html);
        Assert.Contains("<span class=\"swatch s1\"></span>region=us</li>", html);
        Assert.Contains("data-axis=\"max\"", html);
        Assert.Contains("data-series-row=\"region=eu\"", html);

        var filtered = await browser.GetStringAsync(
            $"/metrics?resource=orders/orders-1&meter={sent.MeterName}&instrument={TelemetrySender.Instrument}&dimension=region%3Dus", Cancellation);
        Assert.Single(Polyline().Matches(filtered));
        Assert.Contains("region=us</li>", filtered);
    }

    [Fact]
    public async Task The_export_downloads_every_trace_as_a_json_attachment()
    {
        var sent = await TelemetrySender.SendAsync(fixture);
        using var browser = await fixture.CreateLoggedInClientAsync();
        await EventuallyPageAsync(browser, $"/traces/{sent.TraceId}", "INSERT orders");

        var response = await browser.GetAsync("/api/telemetry/export", Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Matches(@"^platform-telemetry-\d{8}T\d{6}Z\.json$", response.Content.Headers.ContentDisposition?.FileName);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation));
        var trace = json.RootElement.GetProperty("traces").EnumerateArray().Single(t => t.GetProperty("traceId").GetString() == sent.TraceId);
        Assert.Equal(3, trace.GetProperty("spans").GetArrayLength());
        Assert.Contains("href=\"/api/telemetry/export\"", await browser.GetStringAsync("/", Cancellation)); // the nav's Export link
    }

    [Fact]
    public async Task The_changes_long_poll_answers_once_the_store_changes()
    {
        using var browser = await fixture.CreateLoggedInClientAsync();
        var html = await browser.GetStringAsync("/traces", Cancellation);
        var version = long.Parse(Regex.Match(html, "data-live-version=\"(\\d+)\"").Groups[1].Value);

        var waiting = browser.GetStringAsync($"/api/telemetry/changes?store=traces&after={version}", Cancellation);
        await Task.Delay(200, Cancellation);
        Assert.False(waiting.IsCompleted, "the long poll answered before anything changed");
        await TelemetrySender.SendAsync(fixture);

        using var answer = JsonDocument.Parse(await waiting.WaitAsync(TimeSpan.FromSeconds(20), Cancellation));
        Assert.True(answer.RootElement.GetProperty("version").GetInt64() > version);
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.GetAsync("/api/telemetry/changes?store=nope", Cancellation)).StatusCode);
    }

    [Theory]
    [InlineData("/structuredlogs")]
    [InlineData("/traces")]
    [InlineData("/traces/0123456789abcdef0123456789abcdef")]
    [InlineData("/metrics")]
    [InlineData("/api/telemetry/export")]
    [InlineData("/api/telemetry/changes?store=logs")]
    public async Task Every_telemetry_page_answers_401_without_the_login_cookie(string path)
    {
        using var anonymous = fixture.CreateAnonymousClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path, Cancellation)).StatusCode);
    }

    /// <summary>The page once it shows <paramref name="text"/> (the exporters' requests may still be in flight).</summary>
    private static async Task<string> EventuallyPageAsync(HttpClient browser, string path, string text)
    {
        var html = "";
        await Eventually.HoldsAsync(async () =>
        {
            html = await browser.GetStringAsync(path, Cancellation);
            return html.Contains(text, StringComparison.Ordinal);
        }, TimeSpan.FromSeconds(20), $"{path} shows '{text}'", Cancellation);
        return html;
    }

    private static string LogRow(string html, string message)
    {
        var match = Regex.Matches(html, "<details class=\"row[^\"]*\" data-log-row=.*?</details>", RegexOptions.Singleline)
            .FirstOrDefault(m => m.Value.Contains(message, StringComparison.Ordinal));
        Assert.True(match is not null, $"No log row shows '{message}'.");
        return match.Value;
    }

    private static string TraceRow(string html, string traceId)
    {
        var match = Regex.Match(html, $"<tr data-trace-id=\"{traceId}\".*?</tr>", RegexOptions.Singleline);
        Assert.True(match.Success, $"No row for trace {traceId}.");
        return match.Value;
    }

    [GeneratedRegex("<details class=\"(row[^\"]*)\" data-span-id=\"([0-9a-f]+)\" data-span-resource=\"([^\"]+)\" data-span-depth=\"(\\d+)\"")]
    private static partial Regex SpanRow();

    [GeneratedRegex("<polyline class=\"series s\\d+\"")]
    private static partial Regex Polyline();
}
