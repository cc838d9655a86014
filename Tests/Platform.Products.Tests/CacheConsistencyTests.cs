using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Products.Tests;

[Collection(typeof(ProductsCollection))]
public sealed class CacheConsistencyTests(ProductsFixture fixture)
{
    [Fact]
    public async Task A_price_change_is_visible_on_the_next_read_from_both_replicas_and_is_published()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var tap = await EventTap.StartAsync(fixture.MessagingConnectionString, "product-price-changed", cancellation);
        var admin = fixture.Client(token: fixture.Tokens.Admin());
        var category = TestProducts.UniqueCategory();
        var product = await TestProducts.CreateAsync(admin, "Cached Teapot", 12.5m, category);
        var replicas = new[] { fixture.Client(replica: 0), fixture.Client(replica: 1) };
        var listPath = $"/api/products?category={Uri.EscapeDataString(category)}";
        foreach (var replica in replicas)
        {
            // Twice, so both the product and the list are cached by each replica before the change.
            for (var i = 0; i < 2; i++)
            {
                Assert.Equal(12.5m, (await replica.GetJsonAsync<ProductDto>($"/api/products/{product.Id}")).Price);
                Assert.Equal(12.5m, (await replica.GetJsonAsync<ProductPageDto>(listPath)).Items.Single().Price);
            }
        }

        using var update = await admin.PutAsJsonAsync($"/api/products/{product.Id}",
            new { name = product.Name, description = product.Description, price = 14.25m, category, stock = product.Stock }, cancellation);
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);

        foreach (var replica in replicas)
        {
            Assert.Equal(14.25m, (await replica.GetJsonAsync<ProductDto>($"/api/products/{product.Id}")).Price);
            Assert.Equal(14.25m, (await replica.GetJsonAsync<ProductPageDto>(listPath)).Items.Single().Price);
        }
        await Eventually.HoldsAsync(() => Task.FromResult(tap.Bodies.Any(b => b.Contains(product.Id.ToString()))),
            TimeSpan.FromSeconds(20), "ProductPriceChanged is published", TestContext.Current.CancellationToken);
        var published = JsonDocument.Parse(tap.Bodies.Single(b => b.Contains(product.Id.ToString()))).RootElement;
        Assert.Equal(12.5m, published.GetProperty("oldPrice").GetDecimal());
        Assert.Equal(14.25m, published.GetProperty("newPrice").GetDecimal());
    }

    [Fact]
    public async Task Reads_are_served_from_the_cache_until_a_change_goes_through_the_service()
    {
        var admin = fixture.Client(token: fixture.Tokens.Admin());
        var category = TestProducts.UniqueCategory();
        var product = await TestProducts.CreateAsync(admin, "Cached Vase", 40m, category);
        var client = fixture.Client(replica: 1);
        await client.GetJsonAsync<ProductDto>($"/api/products/{product.Id}");

        // Behind the service's back: the cached copy still answers, which shows reads are cached.
        await fixture.QueryScalarAsync<object>("UPDATE products SET name = 'Changed in SQL' WHERE id = @id", ("id", product.Id));
        Assert.Equal("Cached Vase", (await client.GetJsonAsync<ProductDto>($"/api/products/{product.Id}")).Name);

        await TestProducts.CreateAsync(admin, "Any Change", 1m, category);
        Assert.Equal("Changed in SQL", (await client.GetJsonAsync<ProductDto>($"/api/products/{product.Id}")).Name);
        Assert.Equal(2, (await client.GetJsonAsync<ProductPageDto>($"/api/products?category={Uri.EscapeDataString(category)}")).Total);
    }

    [Fact]
    public async Task An_entry_stored_late_by_a_read_that_raced_a_change_is_never_served()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var admin = fixture.Client(token: fixture.Tokens.Admin());
        var category = TestProducts.UniqueCategory();
        var product = await TestProducts.CreateAsync(admin, "Racing Kettle", 20m, category);
        var client = fixture.Client(replica: 0);
        await client.GetJsonAsync<ProductDto>($"/api/products/{product.Id}");
        var redis = fixture.Redis.GetDatabase();
        var entryKey = $"products:product:{product.Id}";
        var before = await redis.StringGetAsync(entryKey);
        Assert.False(before.IsNull);

        using var update = await admin.PutAsJsonAsync($"/api/products/{product.Id}",
            new { name = product.Name, description = product.Description, price = 21m, category, stock = product.Stock }, cancellation);
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        Assert.Equal(21m, (await client.GetJsonAsync<ProductDto>($"/api/products/{product.Id}")).Price);

        // A read that loaded the old row before the change and stores it only now, over the fresh entry.
        await redis.StringSetAsync(entryKey, before, TimeSpan.FromSeconds(30));
        foreach (var replica in new[] { client, fixture.Client(replica: 1) })
        {
            Assert.Equal(21m, (await replica.GetJsonAsync<ProductDto>($"/api/products/{product.Id}")).Price);
        }
    }

    [Fact]
    public async Task An_edit_without_a_price_change_publishes_nothing()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var tap = await EventTap.StartAsync(fixture.MessagingConnectionString, "product-price-changed", cancellation);
        var admin = fixture.Client(token: fixture.Tokens.Admin());
        var category = TestProducts.UniqueCategory();
        var product = await TestProducts.CreateAsync(admin, "Quiet Lamp", 30m, category);
        using var rename = await admin.PutAsJsonAsync($"/api/products/{product.Id}",
            new { name = "Quiet Lamp II", price = 30.00m, category, stock = 1 }, cancellation);
        using var reprice = await admin.PutAsJsonAsync($"/api/products/{product.Id}",
            new { name = "Quiet Lamp II", price = 31m, category, stock = 1 }, cancellation);

        await Eventually.HoldsAsync(() => Task.FromResult(tap.Bodies.Any(b => b.Contains(product.Id.ToString()))),
            TimeSpan.FromSeconds(20), "ProductPriceChanged is published", TestContext.Current.CancellationToken);
        // The rename committed first; had it published, its event would be relayed by now too.
        await Task.Delay(TimeSpan.FromSeconds(1), cancellation);
        Assert.Single(tap.Bodies, b => b.Contains(product.Id.ToString()));
    }
}
