using System.Net;
using Microsoft.Playwright;
using Platform.Hosting.ApplicationModel;
using Platform.EndToEnd.Tests.Browser;
using static Microsoft.Playwright.Assertions;

namespace Platform.EndToEnd.Tests.Dashboard;

/// <summary>The AppHost's dashboard in Chromium, over the whole running system; screenshots in artifacts/screenshots.</summary>
[Collection(nameof(SystemCollection))]
public sealed class DashboardBrowserTests(SystemFixture system) : IAsyncLifetime
{
    private Chromium _chromium = null!;

    public async ValueTask InitializeAsync() => _chromium = await Chromium.LaunchAsync();

    public async ValueTask DisposeAsync() => await _chromium.DisposeAsync();

    /// <summary>The services export telemetry in batches every few seconds.</summary>
    private const int TelemetryPatience = 60_000;

    private string DashboardUrl => system.App.DashboardUrl ?? throw new InvalidOperationException("The dashboard is off.");

    /// <summary>Redeems the one-time token the AppHost printed, as a developer clicking its link would.</summary>
    private async Task<IPage> LogInAsync()
    {
        var page = await _chromium.NewPageAsync();
        await page.GotoAsync(system.App.GetDashboardLoginUrl()!);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Resources");
        return page;
    }

    [Fact]
    public async Task Without_the_login_token_every_page_answers_401()
    {
        var page = await _chromium.NewPageAsync();

        foreach (var path in new[] { "/", "/resources/gateway", "/console/gateway", "/login?t=not-the-token" })
        {
            var response = await page.GotoAsync(DashboardUrl + path);
            Assert.Equal((int)HttpStatusCode.Unauthorized, response!.Status);
        }
        await Expect(page.Locator("body")).ToContainTextAsync("login");
        await Screenshots.SaveAsync(page, "dashboard-401");
    }

    [Fact]
    public async Task Logged_in_with_the_token_the_Resources_page_shows_every_resource_running_and_healthy()
    {
        var page = await LogInAsync();

        var resources = system.App.Model.Resources.Where(r => r is not ParameterResource).Select(r => r.Name).ToList();
        foreach (var name in resources)
        {
            var row = page.Locator($"tr[data-resource='{name}']");
            await Expect(row.Locator(".state")).ToHaveTextAsync("Running");
            if (await row.Locator(".health").CountAsync() > 0)
            {
                await Expect(row.Locator(".health")).ToHaveTextAsync("Healthy");
            }
        }
        Assert.Contains(resources, name => name == "gateway");
        await Expect(page.Locator("tr[data-resource='gateway'] td.urls a")).ToHaveAttributeAsync("href", system.App.CreateHttpClient("gateway").BaseAddress!.ToString().TrimEnd('/'));
        await Expect(page.Locator("tr[data-resource='messaging'] td.urls a", new() { HasText = "management" })).ToHaveCountAsync(1);
        await Screenshots.SaveAsync(page, "dashboard-resources");

        await page.ClickAsync("tr[data-resource='gateway'] a[href^='/resources/']");
        await Expect(page.Locator("h1")).ToContainTextAsync("gateway");
        await Screenshots.SaveAsync(page, "dashboard-resource-details");
    }

    [Fact]
    public async Task Console_logs_of_a_service_filter_by_text()
    {
        var page = await LogInAsync();

        await page.ClickAsync("tr[data-resource='products'] a.cmd:text('Logs')");
        await Expect(page.Locator("pre")).ToContainTextAsync("Now listening on");
        await page.FillAsync("input[name='filter']", "Now listening on");
        await page.PressAsync("input[name='filter']", "Enter");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("filter=Now"));
        var lines = await page.Locator("pre .line").AllInnerTextsAsync();
        Assert.NotEmpty(lines);
        Assert.All(lines, line => Assert.Contains("Now listening on", line));
        await Screenshots.SaveAsync(page, "dashboard-console-logs");
    }

    [Fact]
    public async Task An_orders_trace_follows_it_through_gateway_orders_products_and_notifications()
    {
        var orderId = await PlaceConfirmedOrderAsync();
        var page = await LogInAsync();

        // The order's log record in orders links to the trace of the request that placed it.
        await page.GotoAsync($"{DashboardUrl}/structuredlogs?resource=orders&text={orderId}");
        var traceLink = page.Locator("details[data-log-row] a[data-trace-link]").First;
        await Expect(traceLink).ToBeVisibleAsync(new() { Timeout = TelemetryPatience });
        await Screenshots.SaveAsync(page, "dashboard-structured-logs-of-an-order");
        await traceLink.ClickAsync();
        await Expect(page.Locator("h1[data-trace-id]")).ToBeVisibleAsync();

        // The saga's last spans (notifications) are exported a few seconds after the first ones.
        string[] expected = ["gateway", "orders", "products", "notifications"];
        var resources = new HashSet<string>();
        await Eventually.HoldsAsync(async () =>
        {
            await page.ReloadAsync();
            resources = [.. await page.Locator("details[data-span-resource]").EvaluateAllAsync<string[]>(
                "rows => rows.map(row => row.dataset.spanResource)")];
            return expected.All(resources.Contains);
        }, TimeSpan.FromMilliseconds(TelemetryPatience), $"spans of {string.Join(", ", expected)} in the order's trace", TestContext.Current.CancellationToken);
        await Screenshots.SaveAsync(page, "dashboard-trace-of-an-order");

        await page.ClickAsync("nav a[href='/traces']");
        await Expect(page.Locator("tr[data-trace-id]").First).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "dashboard-traces");
    }

    [Fact]
    public async Task Structured_logs_filter_by_resource()
    {
        var page = await LogInAsync();

        await page.ClickAsync("nav a[href='/structuredlogs']");
        await page.SelectOptionAsync("form[data-filter='logs'] select[name='resource']", "products");
        await page.ClickAsync("form[data-filter='logs'] button[type='submit']");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("resource=products"));
        var chips = await page.Locator("details[data-log-row] [data-resource-chip]").EvaluateAllAsync<string[]>(
            "chips => chips.map(chip => chip.dataset.resourceChip)");
        Assert.NotEmpty(chips);
        Assert.All(chips, chip => Assert.Equal("products", chip));
        await Screenshots.SaveAsync(page, "dashboard-structured-logs");
    }

    [Fact]
    public async Task The_metrics_page_charts_an_instrument_of_the_gateway()
    {
        var page = await LogInAsync();

        await page.ClickAsync("nav a[href='/metrics']");
        await page.SelectOptionAsync("form[data-filter='metrics'] select[name='resource']", new SelectOptionValue { Label = "gateway" });
        await page.ClickAsync("form[data-filter='metrics'] button[type='submit']");
        await page.ClickAsync("li[data-instrument='http.server.request.duration'] a");

        // A series of one point (the first export) is a dot: its line has no length yet.
        await Expect(page.Locator("svg.metric-chart circle.latest").First).ToBeVisibleAsync();
        Assert.True(await page.Locator("svg.metric-chart polyline.series").CountAsync() >= 1);
        Assert.True(await page.Locator("ul.legend li[data-series]").CountAsync() >= 1);
        await Screenshots.SaveAsync(page, "dashboard-metrics");
    }

    [Fact]
    public async Task The_Export_link_downloads_the_runs_telemetry_kept_as_a_CI_artifact()
    {
        var page = await LogInAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("nav a.export"));
        var path = Path.Combine(Screenshots.ArtifactsDirectory, "telemetry", download.SuggestedFilename);
        await download.SaveAsAsync(path);

        Assert.Matches(@"^platform-telemetry-\d{8}T\d{6}Z\.json$", download.SuggestedFilename);
        using var export = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
        Assert.Contains(export.RootElement.GetProperty("resources").EnumerateArray(), r => r.GetProperty("serviceName").GetString() == "gateway");
        Assert.NotEqual(0, export.RootElement.GetProperty("traces").GetArrayLength());
    }

    [Fact]
    public async Task A_service_stopped_and_started_from_the_Resources_page_comes_back_healthy()
    {
        var page = await LogInAsync();
        var row = page.Locator("tr[data-resource='notifications']");

        await row.Locator("button.cmd-stop").ClickAsync();
        await Expect(row.Locator(".state")).ToHaveTextAsync("Exited", new() { Timeout = 60_000 });
        await Screenshots.SaveAsync(page, "dashboard-resource-stopped");
        await row.Locator("button.cmd-start").ClickAsync();
        await Expect(row.Locator(".state")).ToHaveTextAsync("Running", new() { Timeout = 60_000 });
        await Expect(row.Locator(".health")).ToHaveTextAsync("Healthy", new() { Timeout = 120_000 });

        await system.App.WaitForResourceHealthyAsync("notifications", cancellationToken: TestContext.Current.CancellationToken);
    }

    private async Task<Guid> PlaceConfirmedOrderAsync()
    {
        var product = await system.CreateProductAsync(price: 9.90m, stock: 3);
        var customer = await system.RegisterCustomerAsync(TestContext.Current.CancellationToken);
        using var client = system.CreateGatewayClient(customer.AccessToken);
        var order = await client.OrderAsync(product.Id);
        Assert.Equal("Confirmed", (await client.WaitUntilFinalAsync(order.Id)).Status);
        return order.Id;
    }
}
