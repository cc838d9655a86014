using Microsoft.Playwright;
using Platform.EndToEnd.Tests.Browser;

namespace Platform.EndToEnd.Tests.Storefront;

/// <summary>The shop used without a mouse, and every form control named for a screen reader.</summary>
[Collection(nameof(SystemCollection))]
public sealed class StorefrontAccessibilityTests(SystemFixture system)
{
    [Fact]
    public async Task A_shopper_finds_a_product_and_puts_it_in_the_cart_with_the_keyboard_alone()
    {
        var marker = StorefrontSystem.UniqueMarker();
        await system.CreateProductAsync($"Keyboard kettle {marker}", $"Keys {marker}", 19.99m);
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(Chromium.Desktop);
        await page.RegisterAsync(system);

        await TabUntilFocusedAsync(page, "#header-search");
        await page.Keyboard.TypeAsync(marker);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".product-card")).ToHaveCountAsync(1);
        await TabUntilFocusedAsync(page, ".product-card a");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Keyboard kettle");
        await TabUntilFocusedAsync(page, "button:has-text('Add to cart')");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator(".alert-success")).ToContainTextAsync("Added 1");
    }

    [Fact]
    public async Task Every_input_of_the_forms_has_a_label()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(Chromium.Phone);
        await page.RegisterAsync(system);

        foreach (var path in new[] { "/", "/login", "/register", "/checkout", "/account" })
        {
            await page.GotoAsync(system.Url(path));
            var unlabelled = await page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll("input:not([type=hidden]), select, textarea")]
                    .filter(e => e.labels.length === 0 && !e.getAttribute("aria-label") && !e.getAttribute("aria-labelledby"))
                    .map(e => e.outerHTML)
                """);
            Assert.True(unlabelled.Length == 0, $"{path}: {string.Join(" ", unlabelled)}");
        }
    }

    /// <summary>Presses Tab until the element matching <paramref name="selector"/> has the focus (at most 60 times).</summary>
    private static async Task TabUntilFocusedAsync(IPage page, string selector)
    {
        var target = page.Locator(selector).First;
        for (var presses = 0; presses < 60; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await target.EvaluateAsync<bool>("element => element === document.activeElement"))
            {
                return;
            }
        }
        Assert.Fail($"Tab never reached {selector}.");
    }
}
