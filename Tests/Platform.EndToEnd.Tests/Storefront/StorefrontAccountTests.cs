using Microsoft.Playwright;
using Platform.EndToEnd.Tests.Browser;

namespace Platform.EndToEnd.Tests.Storefront;

/// <summary>Logging in, registering, and who may open the admin pages, in Chromium.</summary>
[Collection(nameof(SystemCollection))]
public sealed class StorefrontAccountTests(SystemFixture system)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_wrong_password_shows_the_error_and_sets_no_session_cookie()
    {
        var customer = await system.RegisterCustomerAsync(Cancellation);
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(Chromium.Desktop);

        await page.GotoAsync(system.Url("/login"));
        await page.FillAsync("#email", customer.Email);
        await page.FillAsync("#password", "Wrong-Passw0rd");
        await page.ClickAsync("form.form button:has-text('Log in')");

        await Assertions.Expect(page.Locator(".alert-error")).ToContainTextAsync("The email or the password is wrong.");
        await Assertions.Expect(page.Locator("#email")).ToHaveValueAsync(customer.Email);
        await Assertions.Expect(page.Locator("#password")).ToHaveValueAsync("");
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == StorefrontSystem.SessionCookie);
        await Assertions.Expect(page.Locator("header a:has-text('Log in')")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "storefront-login-wrong-password");

        await page.FillAsync("#password", customer.Password);
        await page.ClickAsync("form.form button:has-text('Log in')");
        await Assertions.Expect(page.Locator(".account-name")).ToHaveTextAsync(customer.Username);
        var session = Assert.Single(await page.Context.CookiesAsync(), c => c.Name == StorefrontSystem.SessionCookie);
        Assert.True(session.HttpOnly);
        Assert.Equal(SameSiteAttribute.Lax, session.SameSite);
    }

    [Fact]
    public async Task Registering_with_a_bad_email_shows_the_error_beside_the_email_field_and_keeps_the_input()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(Chromium.Phone);
        var username = $"shopper_{StorefrontSystem.UniqueMarker()}";

        await page.GotoAsync(system.Url("/register"));
        await page.FillAsync("#username", username);
        await page.FillAsync("#email", "not-an-email");
        await page.FillAsync("#password", StorefrontSystem.Password);
        await page.ClickAsync("button:has-text('Create account')");

        await Assertions.Expect(page.Locator("#email-error")).ToContainTextAsync("not a valid address");
        await Assertions.Expect(page.Locator("#email")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("#email")).ToHaveAttributeAsync("aria-describedby", "email-error");
        await Assertions.Expect(page.Locator("#username")).ToHaveValueAsync(username);
        await Assertions.Expect(page.Locator("#email")).ToHaveValueAsync("not-an-email");
        await Assertions.Expect(page.Locator("#password")).ToHaveValueAsync("");
        await Assertions.Expect(page.Locator("#username-error")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(page, "storefront-register-bad-email-390");
    }

    [Fact]
    public async Task A_customer_sees_no_admin_link_and_cannot_open_the_admin_pages()
    {
        var customer = await system.RegisterCustomerAsync(Cancellation);
        var product = await system.CreateProductAsync($"Guarded {StorefrontSystem.UniqueMarker()}", "Storefront tests", 9m);
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(Chromium.Desktop);
        await page.LogInAsync(system, customer.Email, customer.Password);

        await Assertions.Expect(page.Locator("[data-test=admin-link]")).ToHaveCountAsync(0);
        foreach (var path in new[] { "/admin/products", "/admin/products/new", $"/admin/products/{product.Id}" })
        {
            var response = await page.GotoAsync(system.Url(path));
            Assert.Equal(403, response!.Status);
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("This page is not for you");
            await Assertions.Expect(page.Locator("#name")).ToHaveCountAsync(0);
        }
        await Screenshots.SaveAsync(page, "storefront-admin-forbidden");

        // A visitor is sent to log in first.
        var visitor = await chromium.NewPageAsync(Chromium.Desktop);
        await visitor.GotoAsync(system.Url("/admin/products"));
        Assert.Contains("/login?returnUrl=", visitor.Url);
    }

    [Fact]
    public async Task An_admin_changes_a_price_and_a_customer_sees_it_on_the_catalog_and_the_product_page()
    {
        var marker = StorefrontSystem.UniqueMarker();
        var product = await system.CreateProductAsync($"Repriced kettle {marker}", "Storefront tests", 10.00m);
        var customer = await system.RegisterCustomerAsync(Cancellation);
        await using var chromium = await Chromium.LaunchAsync();
        var admin = await chromium.NewPageAsync(Chromium.Desktop);
        await admin.LogInAsync(system, SystemFixture.AdminEmail, SystemFixture.AdminPassword);

        await admin.ClickAsync("[data-test=admin-link]");
        await admin.FillAsync("#admin-search", marker);
        await admin.PressAsync("#admin-search", "Enter");
        await admin.ClickAsync($"tr[data-product-id='{product.Id}'] a:has-text('Edit')");
        await Assertions.Expect(admin.Locator("#price")).ToHaveValueAsync("10.00");
        await admin.FillAsync("#price", "8.75");
        await admin.ClickAsync("button:has-text('Save changes')");
        await Assertions.Expect(admin.Locator(".alert-success")).ToContainTextAsync("saved");
        await Assertions.Expect(admin.Locator("#price")).ToHaveValueAsync("8.75");
        await Screenshots.SaveAsync(admin, "storefront-admin-price-changed");

        var shopper = await chromium.NewPageAsync(Chromium.Phone);
        await shopper.LogInAsync(system, customer.Email, customer.Password);
        await shopper.GotoAsync(system.Url($"/?search={marker}"));
        await Assertions.Expect(shopper.Locator($".product-card[data-product-id='{product.Id}'] [data-test=price]")).ToHaveTextAsync("$8.75");
        await shopper.GotoAsync(system.Url($"/products/{product.Id}"));
        await Assertions.Expect(shopper.Locator("[data-test=price]")).ToHaveTextAsync("$8.75");
        await Screenshots.SaveAsync(shopper, "storefront-new-price-390");
    }

    [Fact]
    public async Task An_admin_creates_and_deletes_a_product()
    {
        var marker = StorefrontSystem.UniqueMarker();
        await using var chromium = await Chromium.LaunchAsync();
        var admin = await chromium.NewPageAsync(Chromium.Desktop);
        await admin.LogInAsync(system, SystemFixture.AdminEmail, SystemFixture.AdminPassword);

        await admin.GotoAsync(system.Url("/admin/products/new"));
        await admin.FillAsync("#name", $"Fresh teapot {marker}");
        await admin.FillAsync("#description", "Brews tea.");
        await admin.FillAsync("#price", "-3");
        await admin.FillAsync("#stock", "4");
        await admin.FillAsync("#category", "Storefront tests");
        await admin.ClickAsync("button:has-text('Create product')");
        await Assertions.Expect(admin.Locator("[data-field=price]")).ToBeVisibleAsync();
        await Assertions.Expect(admin.Locator("#name")).ToHaveValueAsync($"Fresh teapot {marker}");

        await admin.FillAsync("#price", "24.00");
        await admin.ClickAsync("button:has-text('Create product')");
        await Assertions.Expect(admin.Locator(".alert-success")).ToContainTextAsync("saved");
        var productPath = new Uri(admin.Url).AbsolutePath;

        await admin.CheckAsync("#confirm-delete");
        await admin.ClickAsync("button:has-text('Delete product')");
        await Assertions.Expect(admin.Locator(".alert-success")).ToContainTextAsync("deleted");
        var gone = await admin.GotoAsync(system.Url(productPath.Replace("/admin", "", StringComparison.Ordinal)));
        Assert.Equal(404, gone!.Status);
    }
}
