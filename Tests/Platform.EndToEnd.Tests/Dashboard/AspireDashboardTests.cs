using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Platform.EndToEnd.Tests.Browser;

namespace Platform.EndToEnd.Tests.Dashboard;

/// <summary>Aspire's dashboard over the whole system, as a developer opens it from the printed login link.</summary>
[Collection(nameof(SystemCollection))]
public sealed partial class AspireDashboardTests(SystemFixture system)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_login_link_shows_every_resource_running_and_healthy()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var page = await LogInAsync(chromium);

        // Each resource once, a project with replicas once per replica ("orders-abcd1234"); hidden ones (the
        // dashboard itself, the processes behind the local servers) are not listed.
        var expected = system.App.ResourcesStartedWithTheApplication()
            .Where(resource => !IsHidden(resource))
            .ToDictionary(resource => resource.Name, resource => resource.GetReplicaCount());
        string[][] rows = [];
        await Eventually.HoldsAsync(async () =>
        {
            rows = await ResourceRowsAsync(page);
            return expected.All(resource => rows.Count(row => IsInstanceOf(row[0], resource.Key) && row[1] == "Running") == resource.Value)
                && rows.All(row => row[1] == "Running");
        }, TimeSpan.FromSeconds(30), "every resource Running and Healthy on the Resources page", Cancellation,
            () => $"expected {string.Join(", ", expected.Select(e => $"{e.Key} ×{e.Value}"))}; the page lists{Environment.NewLine}"
                + string.Join(Environment.NewLine, rows.Select(row => $"    {string.Join(": ", row)}")));
        await Screenshots.SaveAsync(page, "dashboard-resources");
    }

    [Fact]
    public async Task An_order_is_one_trace_across_gateway_orders_products_and_notifications()
    {
        var product = await system.CreateProductAsync(10m, stock: 5);
        var customer = await system.RegisterCustomerAsync(Cancellation);
        using var client = system.CreateGatewayClient(customer.AccessToken);
        var order = await client.OrderAsync(product.Id);
        Assert.Equal("Confirmed", (await client.WaitUntilFinalAsync(order.Id)).Status);

        await using var chromium = await Chromium.LaunchAsync();
        var page = await LogInAsync(chromium);
        await page.GotoAsync(system.Dashboard.PageUrl("/traces"));
        await page.Locator("fluent-text-input[name=traces-search] input").FillAsync("POST /api/orders");
        // Oldest first, and the whole-system tests run one at a time: the last checkout is this test's. Its
        // trace id is in the name cell's title ("Name: …\nTrace Id: …").
        var names = page.Locator("[role=gridcell][title*='Trace Id']").Filter(new() { HasText = "POST /api/orders" });
        await Assertions.Expect(names.First).ToBeVisibleAsync();
        var traceId = TraceId().Match(await names.Last.GetAttributeAsync("title") ?? "").Groups[1].Value;
        await page.GotoAsync(system.Dashboard.PageUrl($"/traces/detail/{traceId}"));

        var spans = page.Locator("body");
        var patience = new LocatorAssertionsToContainTextOptions { Timeout = 30_000 };
        await Assertions.Expect(spans).ToContainTextAsync("POST /api/orders", patience);
        await Assertions.Expect(spans).ToContainTextAsync("gateway", patience);
        await Assertions.Expect(spans).ToContainTextAsync(SpanOfReplica("orders"), patience);
        await Assertions.Expect(spans).ToContainTextAsync(SpanOfReplica("products"), patience);
        await Assertions.Expect(spans).ToContainTextAsync("notifications", patience);
        await Assertions.Expect(spans).ToContainTextAsync("rabbitmq", patience);
        await Screenshots.SaveAsync(page, "dashboard-order-trace");
    }

    private async Task<IPage> LogInAsync(Chromium chromium)
    {
        var page = await chromium.NewPageAsync(Chromium.Desktop);
        await page.GotoAsync(system.Dashboard.LoginUrl);
        // The token is exchanged for a cookie and the browser lands on the Resources page.
        await Assertions.Expect(page).ToHaveURLAsync(system.Dashboard.PageUrl("/"));
        await Assertions.Expect(page.Locator("[role=row]").Nth(1)).ToBeVisibleAsync();
        return page;
    }

    /// <summary>Name and state (its first line: an error count may follow) of every row of the Resources grid.</summary>
    private static Task<string[][]> ResourceRowsAsync(IPage page) =>
        page.Locator("[role=row]:has([role=gridcell])").EvaluateAllAsync<string[][]>(
            "rows => rows.map(row => [...row.querySelectorAll('[role=gridcell]')].slice(0, 2).map(cell => cell.innerText.trim().split('\\n')[0].trim()))");

    private bool IsHidden(IResource resource) =>
        system.App.ResourceNotifications.TryGetCurrentState(resource.Name, out var state) && state.Snapshot.IsHidden;

    private static bool IsInstanceOf(string rowName, string resource) =>
        rowName == resource || ReplicaName(resource).IsMatch(rowName);

    private static Regex ReplicaName(string resource) => new($"^{Regex.Escape(resource)}-[a-z0-9]{{8}}$");

    [GeneratedRegex("Trace Id: ([0-9a-f]{32})")]
    private static partial Regex TraceId();

    private static Regex SpanOfReplica(string resource) => new($@"\b{Regex.Escape(resource)}-[a-z0-9]{{8}}\b");
}
