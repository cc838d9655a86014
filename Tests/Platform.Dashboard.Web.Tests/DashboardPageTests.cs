using System.Net;
using System.Text.RegularExpressions;

namespace Platform.Dashboard.Web.Tests;

/// <summary>What a logged-in developer sees and does: resources, details, commands, console logs.</summary>
public sealed partial class DashboardPageTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_resources_page_lists_every_resource_with_its_state_and_endpoints()
    {
        using var browser = await fixture.CreateLoggedInClientAsync();

        var html = await browser.GetStringAsync("/", Cancellation);

        foreach (var name in new[] { "api-secret", "cache", "api" })
        {
            Assert.Contains($"data-resource=\"{name}\"", html);
        }
        Assert.Matches(RowPattern("api", "Running"), html);
        Assert.Matches(RowPattern("cache", "Running"), html);
        Assert.Contains(fixture.App.Model.GetResource("api").GetEndpoint("http").GetUrl(), html);
        Assert.Contains("data-live=", html);
        Assert.Contains("/_dashboard/dashboard.js", html);
    }

    [Fact]
    public async Task The_details_page_masks_secret_values_until_one_is_revealed()
    {
        using var browser = await fixture.CreateLoggedInClientAsync();

        var html = await browser.GetStringAsync("/resources/api", Cancellation);

        Assert.Contains(DashboardFixture.SecretVariable, html);
        Assert.DoesNotContain(DashboardFixture.SecretValue, html);
        Assert.DoesNotContain(fixture.App.ExecutionContext.OtlpApiKey, html); // OTEL_EXPORTER_OTLP_HEADERS is a secret too
        Assert.Contains("plain-value", html);
        Assert.Contains("ConnectionStrings__cache", html);
        Assert.Contains("href=\"/resources/cache\"", html); // the reference
        Assert.Matches(@"<td class=""mono"">\d+</td>", html); // a replica's pid

        var revealed = await browser.GetStringAsync($"/resources/api?reveal={DashboardFixture.SecretVariable}", Cancellation);
        Assert.Contains(DashboardFixture.SecretValue, revealed);
    }

    [Fact]
    public async Task An_unknown_resource_is_404()
    {
        using var browser = await fixture.CreateLoggedInClientAsync();

        foreach (var path in new[] { "/resources/nope", "/console/nope" })
        {
            using var response = await browser.GetAsync(path, Cancellation);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("no resource named", await response.Content.ReadAsStringAsync(Cancellation)); // a page, not an empty body
        }
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/console/nope/download", Cancellation)).StatusCode);
    }

    [Fact]
    public async Task The_stop_and_start_forms_stop_and_start_the_resource()
    {
        using var browser = await fixture.CreateLoggedInClientAsync();
        var page = await browser.GetStringAsync("/", Cancellation);

        var stopped = await PostFormAsync(browser, page, "/resources/api/commands/stop");

        Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);
        Assert.Matches(RowPattern("api", "Exited"), await stopped.Content.ReadAsStringAsync(Cancellation));
        Assert.Equal(Platform.Hosting.Orchestration.ResourceState.Exited, fixture.App.ResourceNotifications.GetSnapshot("api").State);

        var started = await PostFormAsync(browser, await stopped.Content.ReadAsStringAsync(Cancellation), "/resources/api/commands/start");

        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        await fixture.App.WaitForResourceHealthyAsync("api", cancellationToken: Cancellation);
        Assert.Matches(RowPattern("api", "Running"), await browser.GetStringAsync("/", Cancellation));
    }

    [Fact]
    public async Task A_command_without_the_antiforgery_token_is_refused()
    {
        using var browser = await fixture.CreateLoggedInClientAsync();

        var response = await browser.PostAsync("/resources/api/commands/stop",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["returnUrl"] = "/" }), Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(Platform.Hosting.Orchestration.ResourceState.Running, fixture.App.ResourceNotifications.GetSnapshot("api").State);
    }

    [Fact]
    public async Task The_console_page_shows_the_lines_filters_them_and_downloads_them()
    {
        using var browser = await fixture.CreateLoggedInClientAsync();
        var marker = "Now listening on";
        await Eventually.HoldsAsync(() => fixture.App.ResourceLogs.GetLogs("api").Any(l => l.Text.Contains(marker)),
            TimeSpan.FromSeconds(30), "the api logs where it listens", Cancellation);

        var html = await browser.GetStringAsync("/console/api", Cancellation);
        Assert.Contains(marker, html);
        Assert.Contains("data-stream=\"/console/api/stream", html);
        Assert.Contains("<option value=\"api\"", html);

        var filtered = await browser.GetStringAsync("/console/api?replica=api&filter=listening", Cancellation);
        Assert.Contains(marker, filtered);
        Assert.DoesNotContain("<span class=\"src\">apphost</span>", filtered);

        var kept = fixture.App.ResourceLogs.GetLogs("api").Count;
        var download = await browser.GetAsync("/console/api/download", Cancellation);
        Assert.Equal("text/plain", download.Content.Headers.ContentType?.MediaType);
        var text = await download.Content.ReadAsStringAsync(Cancellation);
        Assert.Contains(marker, text);
        Assert.True(text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length >= kept, "the download has fewer lines than were kept");
    }

    [Fact]
    public async Task The_console_stream_sends_the_lines_as_server_sent_events()
    {
        using var browser = await fixture.CreateLoggedInClientAsync();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));

        using var response = await browser.GetAsync("/console/api/stream?after=0", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        string? line;
        do
        {
            line = await reader.ReadLineAsync(timeout.Token);
        }
        while (line is not null && !line.StartsWith("data: ", StringComparison.Ordinal));

        Assert.NotNull(line);
        Assert.Contains("\"n\":1,", line);
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string page, string action)
    {
        var form = Regex.Match(page, $"<form method=\"post\" action=\"{Regex.Escape(action)}\"[^>]*>(.*?)</form>", RegexOptions.Singleline);
        Assert.True(form.Success, $"No form posts to {action}.");
        var fields = HiddenInput().Matches(form.Groups[1].Value).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        Assert.Contains("__RequestVerificationToken", fields.Keys);
        return await browser.PostAsync(action, new FormUrlEncodedContent(fields), Cancellation);
    }

    /// <summary>The resource's table row shows the state (the row runs up to its state badge).</summary>
    private static Regex RowPattern(string name, string state) =>
        new($"data-resource=\"{Regex.Escape(name)}\".*?<span class=\"state[^\"]*\">{state}</span>", RegexOptions.Singleline);

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenInput();
}
