using System.Net;
using System.Net.Http.Json;

namespace Platform.EndToEnd.Tests.Storefront;

/// <summary>The storefront over plain HTTP, as a browser without JavaScript uses it: GETs and form POSTs.</summary>
[Collection(nameof(SystemCollection))]
public sealed class StorefrontHttpTests(SystemFixture system)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Registering_filling_the_cart_changing_it_and_logging_out_work_with_plain_form_posts()
    {
        var product = await system.CreateProductAsync($"Plain post {StorefrontSystem.UniqueMarker()}", "Storefront tests", 3.50m);
        using var shop = new ShopClient(system.StorefrontUrl());
        var username = $"plain_{StorefrontSystem.UniqueMarker()}";

        using var registered = await shop.PostFormAsync("/register", "register",
            ("Form.Username", username), ("Form.Email", $"{username}@example.com"), ("Form.Password", StorefrontSystem.Password));
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var session = shop.SessionCookie();
        Assert.NotNull(session);
        Assert.True(session.HttpOnly);
        var setCookie = registered.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(StorefrontSystem.SessionCookie, StringComparison.Ordinal));
        Assert.Contains("samesite=lax", setCookie, StringComparison.OrdinalIgnoreCase);

        using var added = await shop.PostFormAsync($"/products/{product.Id}", "add-to-cart", ("Quantity", "3"));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal($"/products/{product.Id}?added=3", added.Headers.Location?.PathAndQuery);
        var cart = await shop.GetPageAsync("/cart");
        Assert.Contains(product.Name, cart);
        Assert.Contains("data-test=\"cart-total\">$10.50", cart);

        using var changed = await shop.PostFormAsync("/cart", $"line-{product.Id}", ("Quantity", "1"));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Contains("data-test=\"cart-total\">$3.50", await shop.GetPageAsync("/cart"));
        using var removed = await shop.PostFormAsync("/cart", $"line-{product.Id}", ("Quantity", "1"), ("Remove", "true"));
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Contains("Your cart is empty", await shop.GetPageAsync("/cart"));

        using var loggedOut = await shop.PostFormAsync("/logout", "logout");
        Assert.Equal(HttpStatusCode.Redirect, loggedOut.StatusCode);
        Assert.Null(shop.SessionCookie());
        using var cartAgain = await shop.GetAsync("/cart");
        Assert.Equal(HttpStatusCode.Redirect, cartAgain.StatusCode);
        Assert.StartsWith("/login?returnUrl=", cartAgain.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task The_same_checkout_form_posted_twice_creates_one_order()
    {
        var product = await system.CreateProductAsync($"Twice {StorefrontSystem.UniqueMarker()}", "Storefront tests", 4m);
        var customer = await system.RegisterCustomerAsync(Cancellation);
        using var shop = new ShopClient(system.StorefrontUrl());
        using (await shop.PostFormAsync("/login", "login", ("Form.Email", customer.Email), ("Form.Password", customer.Password)))
        {
        }
        using (await shop.PostFormAsync($"/products/{product.Id}", "add-to-cart", ("Quantity", "1")))
        {
        }
        var checkout = await shop.GetPageAsync("/checkout");
        var key = System.Text.RegularExpressions.Regex.Match(checkout, "name=\"Form.IdempotencyKey\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.True(Guid.TryParse(key, out _), $"no idempotency key in the checkout page: '{key}'");
        (string, string)[] fields =
        [
            ("Form.IdempotencyKey", key), ("Form.Name", "Ada Lovelace"), ("Form.Line1", "12 Analytical Row"), ("Form.City", "London"),
            ("Form.PostalCode", "N1 9GU"), ("Form.Country", "gb"), ("Form.CardNumber", "4242 4242 4242 4242"), ("Form.Expiry", "12/30"), ("Form.Cvc", "123"),
        ];
        var token = ShopClient.AntiforgeryTokenOf(checkout);

        var answers = await Task.WhenAll(shop.PostWithTokenAsync("/checkout", "checkout", token, fields), shop.PostWithTokenAsync("/checkout", "checkout", token, fields));
        using var third = await shop.PostWithTokenAsync("/checkout", "checkout", token, fields);

        var locations = answers.Append(third).Select(a => (a.StatusCode, a.Headers.Location?.PathAndQuery)).ToList();
        Assert.All(locations, l => Assert.Equal(HttpStatusCode.Redirect, l.StatusCode));
        Assert.Single(locations.Select(l => l.PathAndQuery).Distinct());
        using var client = system.CreateGatewayClient(customer.AccessToken);
        var orders = await client.GetFromJsonAsync<OrderPage>("/api/orders", Cancellation);
        var order = Assert.Single(orders!.Items);
        Assert.Equal($"/orders/{order.Id}", locations[0].PathAndQuery);
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [Fact]
    public async Task Checkout_errors_from_the_api_are_shown_beside_their_fields()
    {
        var product = await system.CreateProductAsync($"Typo {StorefrontSystem.UniqueMarker()}", "Storefront tests", 4m);
        var customer = await system.RegisterCustomerAsync(Cancellation);
        using var shop = new ShopClient(system.StorefrontUrl());
        using (await shop.PostFormAsync("/login", "login", ("Form.Email", customer.Email), ("Form.Password", customer.Password)))
        {
        }
        using (await shop.PostFormAsync($"/products/{product.Id}", "add-to-cart", ("Quantity", "1")))
        {
        }

        using var answer = await shop.PostFormAsync("/checkout", "checkout", ("Form.IdempotencyKey", Guid.NewGuid().ToString()),
            ("Form.Name", "Ada"), ("Form.Line1", "1 Row"), ("Form.City", "London"), ("Form.PostalCode", "N1"), ("Form.Country", "Britain"),
            ("Form.CardNumber", "1234"), ("Form.Expiry", "13/99"), ("Form.Cvc", "12"));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var html = await answer.Content.ReadAsStringAsync(Cancellation);
        foreach (var field in new[] { "shippingAddress.country", "payment.cardNumber", "payment.expiry", "payment.cvc" })
        {
            Assert.Contains($"data-field=\"{field}\"", html);
        }
        Assert.DoesNotContain("data-field=\"shippingAddress.city\"", html);
        Assert.Contains("value=\"Britain\"", html);
    }

    [Fact]
    public async Task Unknown_pages_and_products_answer_the_friendly_404_and_images_come_through_the_storefront()
    {
        using var shop = new ShopClient(system.StorefrontUrl());

        foreach (var path in new[] { "/no-such-page", $"/products/{Guid.NewGuid()}", "/products/not-a-guid" })
        {
            using var response = await shop.GetAsync(path);
            var html = await response.Content.ReadAsStringAsync(Cancellation);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path} answered {(int)response.StatusCode}");
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("We can&#x27;t find that page", html);
            Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        }

        var product = await system.CreateProductAsync($"Imaged {StorefrontSystem.UniqueMarker()}", "Storefront tests", 2m);
        using var image = await shop.GetAsync(product.ImageUrl);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/svg+xml", image.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Pages_for_shoppers_send_visitors_to_log_in_and_the_live_status_needs_a_session()
    {
        using var shop = new ShopClient(system.StorefrontUrl());
        foreach (var path in new[] { "/cart", "/checkout", "/orders", "/notifications", "/account" })
        {
            using var response = await shop.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal($"/login?returnUrl={Uri.EscapeDataString(path)}", response.Headers.Location?.PathAndQuery);
        }
        using var live = await shop.GetAsync($"/live/orders/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.Unauthorized, live.StatusCode);

        // A form post without its antiforgery token is refused.
        using var forged = await shop.PostWithTokenAsync("/login", "login", "forged", ("Form.Email", SystemFixture.AdminEmail), ("Form.Password", "x"));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [Fact]
    public async Task The_account_page_edits_the_profile_and_deletes_the_account_only_when_confirmed()
    {
        using var shop = new ShopClient(system.StorefrontUrl());
        var username = $"acct_{StorefrontSystem.UniqueMarker()}";
        var email = $"{username}@example.com";
        using (await shop.PostFormAsync("/register", "register", ("Form.Username", username), ("Form.Email", email), ("Form.Password", StorefrontSystem.Password)))
        {
        }

        using var taken = await shop.PostFormAsync("/account", "profile", ("Form.Username", "admin"), ("Form.Email", email));
        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        Assert.Contains("data-field=\"username\">The username is already taken.", await taken.Content.ReadAsStringAsync(Cancellation));

        using var saved = await shop.PostFormAsync("/account", "profile", ("Form.Username", username + "_x"), ("Form.Email", email));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("/account?saved=true", saved.Headers.Location?.PathAndQuery);
        var account = await shop.GetPageAsync("/account?saved=true");
        Assert.Contains("Your profile is saved.", account);
        Assert.Contains($"class=\"account-name\" title=\"Your account\">{username}_x</a>", account);

        using var unconfirmed = await shop.PostFormAsync("/account/delete", "delete-account");
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Contains("Tick the box to confirm.", await unconfirmed.Content.ReadAsStringAsync(Cancellation));
        Assert.NotNull(shop.SessionCookie());

        using var deleted = await shop.PostFormAsync("/account/delete", "delete-account", ("Confirm", "true"));
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal("/goodbye", deleted.Headers.Location?.PathAndQuery);
        Assert.Null(shop.SessionCookie());
        using var gateway = system.CreateGatewayClient();
        using var login = await gateway.PostAsJsonAsync("/api/users/login", new { email, password = StorefrontSystem.Password }, Cancellation);
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
    }
}
