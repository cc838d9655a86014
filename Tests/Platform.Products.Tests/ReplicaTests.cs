using System.Xml.Linq;

namespace Platform.Products.Tests;

[Collection(typeof(ProductsCollection))]
public sealed class ReplicaTests(ProductsFixture fixture)
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task Each_replica_serves_the_catalog_and_its_images(int replica)
    {
        var client = fixture.Client(replica);
        var product = (await client.GetJsonAsync<ProductPageDto>("/api/products?category=Books&pageSize=1")).Items.Single();

        using var image = await client.GetAsync(product.ImageUrl, TestContext.Current.CancellationToken);

        image.EnsureSuccessStatusCode();
        Assert.Equal("image/svg+xml", image.Content.Headers.ContentType?.MediaType);
        var svg = XDocument.Parse(await image.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("svg", svg.Root!.Name.LocalName);
        Assert.Contains("Books", svg.Root.Value);
    }

    [Fact]
    public async Task The_image_of_an_unknown_product_is_404_and_OpenAPI_is_served()
    {
        var client = fixture.Client();
        using var missing = await client.GetAsync($"/api/products/{Guid.NewGuid()}/image", TestContext.Current.CancellationToken);
        await TestProducts.AssertProblemAsync(missing, System.Net.HttpStatusCode.NotFound);
        using var openApi = await client.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        openApi.EnsureSuccessStatusCode();
        Assert.Contains("/api/products", await openApi.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
