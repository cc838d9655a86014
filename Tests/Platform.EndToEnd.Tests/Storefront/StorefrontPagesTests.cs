using Microsoft.Playwright;
using Platform.EndToEnd.Tests.Browser;

namespace Platform.EndToEnd.Tests.Storefront;

/// <summary>Every page at a phone's and a desktop's width, kept as screenshots; and the friendly 404.</summary>
[Collection(nameof(SystemCollection))]
public sealed class StorefrontPagesTests(SystemFixture system)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_page_renders_at_phone_and_desktop_width()
    {
        var marker = StorefrontSystem.UniqueMarker();
        var product = await system.CreateProductAsync($"Pictured radio {marker}", "Storefront tests", 49.90m, stock: 3);
        var customer = await system.RegisterCustomerAsync(Cancellation);
        Guid orderId;
        using (var client = system.CreateGatewayClient(customer.AccessToken))
        {
            orderId = (await client.OrderAsync(product.Id)).Id;
            await client.WaitUntilFinalAsync(orderId);
            await client.PutInCartAsync(product.Id, 1);
        }
        await using var chromium = await Chromium.LaunchAsync();

        foreach (var size in new[] { Chromium.Phone, Chromium.Desktop })
        {
            var width = size.Width;
            var visitor = await chromium.NewPageAsync(size);
            await SaveAsync(visitor, "/", "home", width);
            await SaveAsync(visitor, $"/?search={marker}", "search", width);
            await SaveAsync(visitor, $"/products/{product.Id}", "product", width);
            await SaveAsync(visitor, "/login", "login", width);
            await SaveAsync(visitor, "/register", "register", width);
            await SaveAsync(visitor, "/no-such-page", "not-found", width, expectedStatus: 404);

            var shopper = await chromium.NewPageAsync(size);
            await shopper.LogInAsync(system, customer.Email, customer.Password);
            await SaveAsync(shopper, "/cart", "cart", width);
            await SaveAsync(shopper, "/checkout", "checkout", width);
            await SaveAsync(shopper, $"/orders/{orderId}", "order", width);
            await SaveAsync(shopper, "/orders", "orders", width);
            await SaveAsync(shopper, "/notifications", "notifications", width);
            await SaveAsync(shopper, "/account", "account", width);
            await SaveAsync(shopper, "/account/delete", "account-delete", width);

            var admin = await chromium.NewPageAsync(size);
            await admin.LogInAsync(system, SystemFixture.AdminEmail, SystemFixture.AdminPassword);
            await SaveAsync(admin, "/admin/products", "admin-products", width);
            await SaveAsync(admin, "/admin/products/new", "admin-product-new", width);
            await SaveAsync(admin, $"/admin/products/{product.Id}", "admin-product-edit", width);
        }
    }

    [Fact]
    public async Task An_unknown_product_shows_the_friendly_404()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(Chromium.Desktop);

        var response = await page.GotoAsync(system.Url($"/products/{Guid.NewGuid()}"));

        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("We can't find that page");
        await Assertions.Expect(page.Locator("a:has-text('Back to the shop')")).ToBeVisibleAsync();
        Assert.DoesNotContain("Exception", await page.ContentAsync(), StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "storefront-product-not-found");
    }

    private async Task SaveAsync(IPage page, string path, string name, int width, int expectedStatus = 200)
    {
        var response = await page.GotoAsync(system.Url(path));
        Assert.True(response!.Status == expectedStatus, $"{path} answered {response.Status}");
        await Screenshots.SaveAsync(page, $"storefront-{name}-{width}");
        // Nothing wider than the viewport: the layout reflows instead of scrolling sideways.
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        if (overflow > 0)
        {
            var culprits = await page.EvaluateAsync<string>("""
                () => [...document.querySelectorAll("body *")]
                    .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                    .slice(0, 5).map(e => `${e.tagName.toLowerCase()}.${e.className}`).join(", ")
                """);
            Assert.Fail($"{path} at {width} px scrolls sideways by {overflow} px: {culprits}");
        }
    }
}
