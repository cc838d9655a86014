using Microsoft.Playwright;

namespace Platform.EndToEnd.Tests.Storefront;

/// <summary>What the storefront tests share: the shop's address, unique markers, and a shopper in Chromium.</summary>
internal static class StorefrontSystem
{
    public const string SessionCookie = ".platform.shop.session";
    public const string Password = "Secret-Passw0rd";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public static Uri StorefrontUrl(this SystemFixture system) =>
        system.App.GetEndpoint("storefront", "http");

    public static string Url(this SystemFixture system, string path) => new Uri(system.StorefrontUrl(), path).ToString();

    /// <summary>A short marker unique to a test, for product names and categories no other test uses.</summary>
    public static string UniqueMarker() => Guid.NewGuid().ToString("N")[..8];

    /// <summary>Registers a new shopper through the register page; the browser ends signed in on the home page.</summary>
    public static async Task<(string Username, string Email)> RegisterAsync(this IPage page, SystemFixture system)
    {
        var username = $"shopper_{UniqueMarker()}";
        var email = $"{username}@example.com";
        await page.GotoAsync(system.Url("/register"));
        await page.FillAsync("#username", username);
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("button:has-text('Create account')");
        await Assertions.Expect(page.Locator(".account-name")).ToHaveTextAsync(username);
        return (username, email);
    }

    public static async Task LogInAsync(this IPage page, SystemFixture system, string email, string password)
    {
        await page.GotoAsync(system.Url("/login"));
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("form.form button:has-text('Log in')");
        await Assertions.Expect(page.Locator(".account-name")).ToBeVisibleAsync();
    }

    public static async Task AddToCartAsync(this IPage page, SystemFixture system, ProductDto product, int quantity = 1)
    {
        await page.GotoAsync(system.Url($"/products/{product.Id}"));
        await page.FillAsync("#quantity", quantity.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.ClickAsync("button:has-text('Add to cart')");
        await Assertions.Expect(page.Locator(".alert-success")).ToContainTextAsync($"Added {quantity}");
    }

    /// <summary>Fills the checkout form; the caller submits it.</summary>
    public static async Task FillCheckoutAsync(this IPage page, SystemFixture system, string card)
    {
        await page.GotoAsync(system.Url("/checkout"));
        await page.FillAsync("#ship-name", "Ada Lovelace");
        await page.FillAsync("#ship-line1", "12 Analytical Row");
        await page.FillAsync("#ship-city", "London");
        await page.FillAsync("#ship-postal", "N1 9GU");
        await page.FillAsync("#ship-country", "GB");
        await page.FillAsync("#card-number", card);
        await page.FillAsync("#card-expiry", "12/30");
        await page.FillAsync("#card-cvc", "123");
    }

    /// <summary>Places the order from the checkout form and answers the order's id, from the page it lands on.</summary>
    public static async Task<Guid> CheckoutAsync(this IPage page, SystemFixture system, string card)
    {
        await page.FillCheckoutAsync(system, card);
        await page.ClickAsync("button:has-text('Place order')");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/orders/[0-9a-f-]{36}$"));
        return Guid.Parse(page.Url[^36..]);
    }
}
