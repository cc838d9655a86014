using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Products.Tests;

[Collection(typeof(ProductsCollection))]
public sealed class RedisOutageTests(ProductsFixture fixture)
{
    [Fact]
    public async Task Reads_and_writes_work_without_Redis_and_health_is_degraded_until_it_returns()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var client = fixture.Client();
        var admin = fixture.Client(token: fixture.Tokens.Admin());
        var category = TestProducts.UniqueCategory();
        var product = await TestProducts.CreateAsync(admin, "Outage Mug", 8m, category);
        await client.GetJsonAsync<ProductDto>($"/api/products/{product.Id}");

        await fixture.App.StopResourceAsync("cache", TestContext.Current.CancellationToken);
        try
        {
            await Eventually.HoldsAsync(async () => await HealthAsync(client) == "Degraded", TimeSpan.FromSeconds(30), "/health is Degraded", TestContext.Current.CancellationToken);
            Assert.Equal(8m, (await client.GetJsonAsync<ProductDto>($"/api/products/{product.Id}")).Price);
            Assert.Single((await client.GetJsonAsync<ProductPageDto>($"/api/products?category={Uri.EscapeDataString(category)}")).Items);
            Assert.NotEmpty(await client.GetJsonAsync<List<CategoryDto>>("/api/categories"));
            using var update = await admin.PutAsJsonAsync($"/api/products/{product.Id}",
                new { name = product.Name, price = 9m, category, stock = 1 }, cancellation);
            update.EnsureSuccessStatusCode();
            Assert.Equal(9m, (await client.GetJsonAsync<ProductDto>($"/api/products/{product.Id}")).Price);
        }
        finally
        {
            await fixture.App.StartResourceAsync("cache", TestContext.Current.CancellationToken);
        }

        await fixture.App.WaitForResourceHealthyAsync("cache", cancellationToken: cancellation);
        foreach (var replica in new[] { client, fixture.Client(replica: 1) })
        {
            await Eventually.HoldsAsync(async () => await HealthAsync(replica) == "Healthy", TimeSpan.FromSeconds(60), "/health is Healthy again", TestContext.Current.CancellationToken);
        }
        Assert.Equal(9m, (await client.GetJsonAsync<ProductDto>($"/api/products/{product.Id}")).Price);
    }

    private static async Task<string?> HealthAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/health", TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return JsonDocument.Parse(body).RootElement.GetProperty("status").GetString();
    }
}
