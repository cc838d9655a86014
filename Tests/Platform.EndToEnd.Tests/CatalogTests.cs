using System.Net;
using System.Net.Http.Json;

namespace Platform.EndToEnd.Tests;

[Collection(nameof(SystemCollection))]
public sealed class CatalogTests(SystemFixture system)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_seeded_catalog_is_served_through_the_gateway_with_categories_and_images()
    {
        using var client = system.CreateGatewayClient();

        var page = await client.GetFromJsonAsync<ProductPage>("/api/products?page=1", Cancellation);
        using var categories = await client.GetAsync("/api/categories", Cancellation);
        using var image = await client.GetAsync(page!.Items[0].ImageUrl, Cancellation);

        Assert.True(page.Total >= 200, $"only {page.Total} products");
        Assert.NotEmpty(page.Items);
        Assert.Equal(HttpStatusCode.OK, categories.StatusCode);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/svg+xml", image.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_admin_creates_and_edits_a_product_a_customer_gets_403_and_anonymous_401()
    {
        var admin = system.CreateGatewayClient(await system.LoginAsync(SystemFixture.AdminEmail, SystemFixture.AdminPassword, Cancellation));
        var customer = system.CreateGatewayClient((await system.RegisterCustomerAsync(Cancellation)).AccessToken);
        var anonymous = system.CreateGatewayClient();
        var product = NewProduct("Espresso cup", 12.50m);

        using (var forbidden = await customer.PostAsJsonAsync("/api/products", product, Cancellation))
        {
            await forbidden.AssertProblemAsync(HttpStatusCode.Forbidden);
        }
        using (var unauthorized = await anonymous.PostAsJsonAsync("/api/products", product, Cancellation))
        {
            await unauthorized.AssertProblemAsync(HttpStatusCode.Unauthorized);
        }
        using var created = await admin.PostAsJsonAsync("/api/products", product, Cancellation);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<ProductDto>(Cancellation))!.Id;

        using (var edited = await admin.PutAsJsonAsync($"/api/products/{id}", product with { Price = 14.00m }, Cancellation))
        {
            Assert.True(edited.IsSuccessStatusCode, $"edit answered {(int)edited.StatusCode}");
        }
        using (var customerEdit = await customer.PutAsJsonAsync($"/api/products/{id}", product with { Price = 0.01m }, Cancellation))
        {
            await customerEdit.AssertProblemAsync(HttpStatusCode.Forbidden);
        }
        Assert.Equal(14.00m, (await anonymous.GetFromJsonAsync<ProductDto>($"/api/products/{id}", Cancellation))!.Price);
        admin.Dispose();
        customer.Dispose();
        anonymous.Dispose();
    }

    [Fact]
    public async Task Search_filters_sorting_and_paging_return_the_right_items_and_totals()
    {
        using var admin = system.CreateGatewayClient(await system.LoginAsync(SystemFixture.AdminEmail, SystemFixture.AdminPassword, Cancellation));
        var marker = $"zq{Guid.NewGuid():N}"[..12];
        var prices = new[] { 5m, 15m, 25m, 35m, 45m };
        foreach (var price in prices)
        {
            using var created = await admin.PostAsJsonAsync("/api/products", NewProduct($"{marker} lamp {price}", price), Cancellation);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
        using var client = system.CreateGatewayClient();

        var all = await client.GetFromJsonAsync<ProductPage>($"/api/products?search={marker}&pageSize=2&page=1&sort=price", Cancellation);
        var lastPage = await client.GetFromJsonAsync<ProductPage>($"/api/products?search={marker}&pageSize=2&page=3&sort=price", Cancellation);
        var ranged = await client.GetFromJsonAsync<ProductPage>($"/api/products?search={marker}&minPrice=10&maxPrice=40&sort=-price", Cancellation);
        var wrongCategory = await client.GetFromJsonAsync<ProductPage>($"/api/products?search={marker}&category=no-such-category", Cancellation);

        Assert.Equal(5, all!.Total);
        Assert.Equal([5m, 15m], all.Items.Select(p => p.Price));
        Assert.Equal([45m], lastPage!.Items.Select(p => p.Price));
        Assert.Equal([35m, 25m, 15m], ranged!.Items.Select(p => p.Price));
        Assert.Equal(3, ranged.Total);
        Assert.Equal(0, wrongCategory!.Total);
    }

    [Fact]
    public async Task A_price_change_is_visible_on_the_next_read_from_every_replica()
    {
        using var admin = system.CreateGatewayClient(await system.LoginAsync(SystemFixture.AdminEmail, SystemFixture.AdminPassword, Cancellation));
        var product = NewProduct($"Teapot {Guid.NewGuid():N}", 30m);
        using var created = await admin.PostAsJsonAsync("/api/products", product, Cancellation);
        var id = (await created.Content.ReadFromJsonAsync<ProductDto>(Cancellation))!.Id;
        using var client = system.CreateGatewayClient();
        for (var read = 0; read < 4; read++)
        {
            await client.GetFromJsonAsync<ProductDto>($"/api/products/{id}", Cancellation); // warm both replicas' cache path
            await client.GetFromJsonAsync<ProductPage>($"/api/products?search={Uri.EscapeDataString(product.Name)}", Cancellation);
        }

        using var change = await admin.PutAsJsonAsync($"/api/products/{id}", product with { Price = 31.99m }, Cancellation);
        Assert.True(change.IsSuccessStatusCode);

        for (var read = 0; read < 4; read++)
        {
            Assert.Equal(31.99m, (await client.GetFromJsonAsync<ProductDto>($"/api/products/{id}", Cancellation))!.Price);
            var listed = await client.GetFromJsonAsync<ProductPage>($"/api/products?search={Uri.EscapeDataString(product.Name)}", Cancellation);
            Assert.Equal(31.99m, listed!.Items.Single().Price);
        }
    }

    [Fact]
    public async Task Both_product_replicas_serve_traffic_through_the_gateway()
    {
        using var client = system.CreateGatewayClient();
        var marker = $"replica-check-{Guid.NewGuid():N}";

        // Aspire's proxy in front of the replicas balances connections, not requests: concurrent requests open
        // several connections from the gateway.
        await Parallel.ForAsync(0, 40, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = Cancellation }, async (_, cancellation) =>
        {
            using var response = await client.GetAsync($"/api/products?search={marker}", cancellation);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        });

        await Eventually.HoldsAsync(() => system.App.ResourceLogs.GetLogs("products")
            .Where(line => line.Text.Contains(marker, StringComparison.Ordinal))
            .Select(line => line.ResourceId)
            .Distinct()
            .Count() == 2, TimeSpan.FromSeconds(10), "both products replicas logged a request", Cancellation);
    }

    private static NewProductRequest NewProduct(string name, decimal price) =>
        new(name, $"{name}, made for the end-to-end tests.", price, "Kitchen", 25);

    private sealed record NewProductRequest(string Name, string Description, decimal Price, string Category, int Stock);
}
