using System.Net.Http.Json;
using Microsoft.Playwright;
using Platform.EndToEnd.Tests.Browser;

namespace Platform.EndToEnd.Tests.Storefront;

/// <summary>Shoppers in Chromium, from registering to a confirmed (or cancelled) order.</summary>
[Collection(nameof(SystemCollection))]
public sealed class StorefrontJourneyTests(SystemFixture system)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static readonly LocatorAssertionsToHaveTextOptions SagaPatience = new() { Timeout = (float)Shopping.SagaPatience.TotalMilliseconds };

    [Fact]
    public async Task A_new_visitor_registers_searches_filters_buys_two_products_and_sees_the_order_confirmed_live()
    {
        var marker = StorefrontSystem.UniqueMarker();
        var category = $"Journey {marker}";
        var lamp = await system.CreateProductAsync($"Desk lamp {marker}", category, 12.50m);
        var mug = await system.CreateProductAsync($"Tea mug {marker}", category, 7.25m);
        await system.CreateProductAsync($"Rope {marker}", "Journey elsewhere", 3m);
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(Chromium.Desktop);

        var (_, email) = await page.RegisterAsync(system);

        // Search from the header: the three products of this test.
        await page.FillAsync("#header-search", marker);
        await page.PressAsync("#header-search", "Enter");
        await Assertions.Expect(page.Locator(".product-card")).ToHaveCountAsync(3);
        Assert.Contains($"search={marker}", page.Url);
        await Screenshots.SaveAsync(page, "storefront-journey-search");

        // Filter by category: only the two of that category, and the URL says so (shareable, Back works).
        await page.SelectOptionAsync("#filter-category", category);
        await page.ClickAsync("form.filters button:has-text('Apply')");
        await Assertions.Expect(page.Locator(".product-card")).ToHaveCountAsync(2);
        Assert.Contains("category=", page.Url);
        await page.GoBackAsync();
        await Assertions.Expect(page.Locator(".product-card")).ToHaveCountAsync(3);
        await page.GoForwardAsync();
        await Assertions.Expect(page.Locator(".product-card")).ToHaveCountAsync(2);

        // Two products into the cart from their pages.
        await page.ClickAsync($".product-card[data-product-id='{lamp.Id}'] a");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(lamp.Name);
        await Assertions.Expect(page.Locator("[data-test=stock]")).ToHaveTextAsync("In stock");
        await page.AddToCartAsync(system, lamp, quantity: 1);
        await page.AddToCartAsync(system, mug, quantity: 2);
        await page.GotoAsync(system.Url("/cart"));
        await Assertions.Expect(page.Locator(".cart-line")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("[data-test=cart-total]")).ToHaveTextAsync("$27.00");
        await Assertions.Expect(page.Locator("#cart-count")).ToHaveTextAsync("3");
        await Screenshots.SaveAsync(page, "storefront-journey-cart");

        // Checkout; the order page turns Confirmed without a reload.
        await page.ClickAsync("a:has-text('Checkout')");
        var orderId = await page.CheckoutAsync(system, Shopping.AcceptedCard);
        await page.EvaluateAsync("() => window.__sameDocument = true");
        await Assertions.Expect(page.Locator("#order-status")).ToHaveTextAsync("Confirmed", SagaPatience);
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the page reloaded");
        await Assertions.Expect(page.Locator("[data-test=order-total]")).ToHaveTextAsync("$27.00");
        await Screenshots.SaveAsync(page, "storefront-journey-order-confirmed");

        // The confirmation arrives as a notification; the header's badge counts it, still without a reload.
        using var customer = system.CreateGatewayClient(await system.LoginAsync(email, StorefrontSystem.Password, Cancellation));
        await customer.WaitForNotificationAsync(n => n.Kind == "order-confirmed" && n.OrderId == orderId, "of the confirmed order");
        var unread = (await customer.NotificationsAsync()).Unread;
        await Assertions.Expect(page.Locator("#unread-badge")).ToHaveTextAsync($"{unread}", new() { Timeout = 20_000 });
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the page reloaded");

        await page.ClickAsync("header a:has-text('Notifications')");
        var confirmation = page.Locator(".notification[data-kind='order-confirmed']");
        await Assertions.Expect(confirmation).ToHaveCountAsync(1);
        await Assertions.Expect(confirmation).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("is-unread"));
        await Screenshots.SaveAsync(page, "storefront-journey-notifications");
        await page.ClickAsync("button:has-text('Mark all as read')");
        await Assertions.Expect(page.Locator(".notification.is-unread")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#unread-badge")).ToBeHiddenAsync();

        await page.GotoAsync(system.Url("/orders"));
        await Assertions.Expect(page.Locator($".order-row[data-order-id='{orderId}'] .status")).ToHaveTextAsync("Confirmed");
    }

    [Fact]
    public async Task A_declined_card_shows_the_order_cancelled_with_the_reason()
    {
        var product = await system.CreateProductAsync($"Declined {StorefrontSystem.UniqueMarker()}", "Storefront tests", 19.99m);
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(Chromium.Phone);
        await page.RegisterAsync(system);
        await page.AddToCartAsync(system, product);

        await page.CheckoutAsync(system, Shopping.DeclinedCard);

        await Assertions.Expect(page.Locator("#order-status")).ToHaveTextAsync("Cancelled", SagaPatience);
        await Assertions.Expect(page.Locator("#order-reason")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#order-reason")).ToContainTextAsync("declined", new() { IgnoreCase = true });
        await Screenshots.SaveAsync(page, "storefront-order-cancelled-390");
    }

    [Fact]
    public async Task Double_submitting_the_checkout_form_creates_one_order()
    {
        var product = await system.CreateProductAsync($"Double {StorefrontSystem.UniqueMarker()}", "Storefront tests", 5m);
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(Chromium.Desktop);
        var (_, email) = await page.RegisterAsync(system);
        await page.AddToCartAsync(system, product);
        await page.FillCheckoutAsync(system, Shopping.AcceptedCard);

        // Two submissions of the same rendered form, as an impatient double click sends them.
        await page.EvaluateAsync("""
            () => {
                const form = document.querySelector("form.checkout-form");
                const body = new URLSearchParams(new FormData(form));
                return Promise.all([1, 2].map(() => fetch(form.action, { method: "POST", body, redirect: "manual" })));
            }
            """);
        await page.Locator("button:has-text('Place order')").DblClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/orders/[0-9a-f-]{36}$"));

        using var customer = system.CreateGatewayClient(await system.LoginAsync(email, StorefrontSystem.Password, Cancellation));
        var orders = await customer.GetFromJsonAsync<OrderPage>("/api/orders", Cancellation);
        Assert.Single(orders!.Items);
        Assert.EndsWith(orders.Items[0].Id.ToString(), page.Url);
    }
}
