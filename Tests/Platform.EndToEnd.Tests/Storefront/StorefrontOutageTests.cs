using System.Net;
using Microsoft.Playwright;
using Platform.EndToEnd.Tests.Browser;

namespace Platform.EndToEnd.Tests.Storefront;

/// <summary>
/// The storefront when parts of the system are gone: a friendly 503 without the gateway; an order page that waits,
/// Pending, while RabbitMQ is down and turns Confirmed by itself when it is back.
/// </summary>
[Collection(nameof(DisruptedSystemCollection))]
public sealed class StorefrontOutageTests(DisruptedSystemFixture system)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_the_gateway_down_the_shop_answers_a_friendly_503_and_recovers()
    {
        using var shop = new ShopClient(system.StorefrontUrl());
        await system.App.StopResourceAsync("gateway", TestContext.Current.CancellationToken);
        try
        {
            using var response = await shop.GetAsync("/?search=lamp");
            var html = await response.Content.ReadAsStringAsync(Cancellation);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Contains("The shop is unavailable", html);
            Assert.Contains("href=\"/?search=lamp\"", html); // the retry link
            Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", html, StringComparison.Ordinal);
        }
        finally
        {
            await system.App.StartResourceAsync("gateway", TestContext.Current.CancellationToken);
            await system.App.WaitForResourceHealthyAsync("gateway", cancellationToken: Cancellation);
        }
        await Eventually.HoldsAsync(async () =>
        {
            using var response = await shop.GetAsync("/");
            return response.StatusCode == HttpStatusCode.OK;
        }, TimeSpan.FromSeconds(30), "the shop is back", Cancellation);
    }

    [Fact]
    public async Task An_order_page_opened_while_Pending_turns_Confirmed_without_a_reload()
    {
        var product = await system.CreateProductAsync($"Patient {StorefrontSystem.UniqueMarker()}", "Storefront tests", 6m);
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(Chromium.Desktop);
        await page.RegisterAsync(system);
        await page.AddToCartAsync(system, product);

        // Without the broker the order cannot leave Pending: the page is rendered Pending for certain.
        await system.App.StopResourceAsync("messaging", TestContext.Current.CancellationToken);
        try
        {
            await page.CheckoutAsync(system, Shopping.AcceptedCard);
            await Assertions.Expect(page.Locator("#order-status")).ToHaveTextAsync("Pending");
            await page.EvaluateAsync("() => window.__sameDocument = true");
            await Screenshots.SaveAsync(page, "storefront-order-pending");
        }
        finally
        {
            await system.App.StartResourceAsync("messaging", TestContext.Current.CancellationToken);
        }

        await Assertions.Expect(page.Locator("#order-status")).ToHaveTextAsync("Confirmed",
            new() { Timeout = (float)Shopping.SagaPatience.TotalMilliseconds });
        await Assertions.Expect(page.Locator("#order-message")).ToHaveTextAsync("Thank you! Your order is confirmed.");
        await Assertions.Expect(page.Locator("#order-history li")).ToHaveCountAsync(2);
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the page reloaded");
    }
}
