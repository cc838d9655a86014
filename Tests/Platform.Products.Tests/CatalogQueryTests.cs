using System.Net;
using Platform.Products.Data;

namespace Platform.Products.Tests;

[Collection(typeof(ProductsCollection))]
public sealed class CatalogQueryTests(ProductsFixture fixture)
{
    private readonly HttpClient _client = fixture.Client();

    [Fact]
    public async Task Seeded_catalog_has_at_least_200_products_in_8_categories_with_counts()
    {
        var categories = await _client.GetJsonAsync<List<CategoryDto>>("/api/categories");

        string[] seeded = ["Beauty", "Books", "Clothing", "Electronics", "Garden", "Home & Kitchen", "Sports & Outdoors", "Toys & Games"];
        foreach (var name in seeded)
        {
            var expected = await fixture.QueryScalarAsync<long>("SELECT count(*) FROM products WHERE category = @c", ("c", name));
            Assert.Equal(expected, categories.Single(c => c.Name == name).ProductCount);
            Assert.True(expected >= 25);
        }
        var all = await _client.GetJsonAsync<ProductPageDto>("/api/products");
        Assert.True(all.Total >= 200);
        Assert.Equal(await fixture.QueryScalarAsync<long>("SELECT count(*) FROM products"), all.Total);
    }

    [Fact]
    public async Task Seeded_catalog_is_what_the_fixed_seed_generates()
    {
        var generated = CatalogSeed.Generate();
        Assert.Equal(generated.Select(p => (p.Id, p.Name, p.Price)), CatalogSeed.Generate().Select(p => (p.Id, p.Name, p.Price)));

        foreach (var product in generated.Where((_, i) => i % 20 == 0))
        {
            var served = await _client.GetJsonAsync<ProductDto>($"/api/products/{product.Id}");
            Assert.Equal((product.Name, product.Price, product.Category, product.Description), (served.Name, served.Price, served.Category, served.Description));
        }
        Assert.Equal(generated.Count, await fixture.QueryScalarAsync<long>(
            "SELECT count(*) FROM products WHERE id = ANY(@ids)", ("ids", generated.Select(p => p.Id).ToArray())));
    }

    [Fact]
    public async Task Search_is_case_insensitive_over_name_and_description()
    {
        var admin = fixture.Client(token: fixture.Tokens.Admin());
        var marker = $"zq{Guid.NewGuid():N}"[..14];
        var category = TestProducts.UniqueCategory();
        await TestProducts.CreateAsync(admin, $"Lamp {marker.ToUpperInvariant()}", 10m, category);
        await TestProducts.CreateAsync(admin, "Chair", 20m, category, description: $"Comfortable, {marker} inside");
        await TestProducts.CreateAsync(admin, "Table", 30m, category);

        var found = await _client.GetJsonAsync<ProductPageDto>($"/api/products?search={marker}");

        Assert.Equal(2, found.Total);
        Assert.Equal(["Chair", $"Lamp {marker.ToUpperInvariant()}"], found.Items.Select(p => p.Name));
    }

    [Fact]
    public async Task Search_matches_seeded_names_as_the_database_does()
    {
        var expected = await fixture.QueryScalarAsync<long>("SELECT count(*) FROM products WHERE name ILIKE '%kettle%' OR description ILIKE '%kettle%'");
        var found = await _client.GetJsonAsync<ProductPageDto>("/api/products?search=KETTLE&pageSize=100");
        Assert.Equal(expected, found.Total);
        Assert.All(found.Items, p => Assert.Contains("kettle", (p.Name + p.Description).ToLowerInvariant()));
    }

    [Theory]
    [InlineData("' OR 1=1 --")]
    [InlineData("'; DROP TABLE products; --")]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData(@"\")]
    public async Task Sql_looking_and_wildcard_search_text_is_matched_literally(string text)
    {
        var found = await _client.GetJsonAsync<ProductPageDto>($"/api/products?search={Uri.EscapeDataString(text)}");

        Assert.All(found.Items, p => Assert.Contains(text, p.Name + p.Description));
        Assert.True(await fixture.QueryScalarAsync<long>("SELECT count(*) FROM products") >= 200);
    }

    [Fact]
    public async Task Category_and_price_range_filter_together()
    {
        var expected = await fixture.QueryScalarAsync<long>(
            "SELECT count(*) FROM products WHERE category = 'Electronics' AND price BETWEEN 100 AND 500");

        var page = await _client.GetJsonAsync<ProductPageDto>("/api/products?category=electronics&minPrice=100&maxPrice=500&pageSize=100");

        Assert.Equal(expected, page.Total);
        Assert.All(page.Items, p => Assert.True(p.Category == "Electronics" && p.Price is >= 100 and <= 500));
    }

    [Theory]
    [InlineData("name")]
    [InlineData("-name")]
    [InlineData("price")]
    [InlineData("-price")]
    [InlineData("newest")]
    public async Task Each_sort_orders_the_items(string sort)
    {
        var admin = fixture.Client(token: fixture.Tokens.Admin());
        var category = TestProducts.UniqueCategory();
        var b = await TestProducts.CreateAsync(admin, "Bravo", 30m, category);
        var c = await TestProducts.CreateAsync(admin, "Charlie", 10m, category);
        var a = await TestProducts.CreateAsync(admin, "Alpha", 20m, category);
        ProductDto[] expected = sort switch
        {
            "name" => [a, b, c],
            "-name" => [c, b, a],
            "price" => [c, a, b],
            "-price" => [b, a, c],
            _ => [a, c, b],
        };

        var page = await _client.GetJsonAsync<ProductPageDto>($"/api/products?category={Uri.EscapeDataString(category)}&sort={sort}");

        Assert.Equal(expected.Select(p => p.Id), page.Items.Select(p => p.Id));
    }

    [Fact]
    public async Task Paging_returns_the_slice_and_the_total()
    {
        var total = await fixture.QueryScalarAsync<long>("SELECT count(*) FROM products WHERE category = 'Garden'");
        var pages = new List<ProductDto>();
        for (var page = 1; page <= 3; page++)
        {
            var result = await _client.GetJsonAsync<ProductPageDto>($"/api/products?category=Garden&sort=price&page={page}&pageSize=10");
            Assert.Equal(total, result.Total);
            Assert.Equal((page, 10), (result.Page, result.PageSize));
            pages.AddRange(result.Items);
        }
        var all = await _client.GetJsonAsync<ProductPageDto>("/api/products?category=Garden&sort=price&pageSize=100");
        Assert.Equal(all.Items.Select(p => p.Id).Take(30), pages.Select(p => p.Id));
        Assert.Equal(20, (await _client.GetJsonAsync<ProductPageDto>("/api/products")).PageSize);
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("page=abc", "page")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("minPrice=-1", "minPrice")]
    [InlineData("maxPrice=cheap", "maxPrice")]
    [InlineData("minPrice=50&maxPrice=10", "minPrice")]
    [InlineData("sort=popularity", "sort")]
    public async Task Invalid_query_parameters_are_a_problem_naming_the_parameter(string query, string parameter)
    {
        using var response = await _client.GetAsync($"/api/products?{query}", TestContext.Current.CancellationToken);

        var problem = await TestProducts.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(parameter, problem.Errors!.Keys);
    }

    [Fact]
    public async Task Search_text_over_200_characters_is_a_problem()
    {
        using var response = await _client.GetAsync($"/api/products?search={new string('a', 201)}", TestContext.Current.CancellationToken);

        var problem = await TestProducts.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("search", problem.Errors!.Keys);
    }

    [Fact]
    public async Task Get_by_id_and_unknown_id()
    {
        var first = (await _client.GetJsonAsync<ProductPageDto>("/api/products?pageSize=1")).Items.Single();

        Assert.Equal(first, await _client.GetJsonAsync<ProductDto>($"/api/products/{first.Id}"));
        using var missing = await _client.GetAsync($"/api/products/{Guid.NewGuid()}", TestContext.Current.CancellationToken);
        await TestProducts.AssertProblemAsync(missing, HttpStatusCode.NotFound);
        using var notAnId = await _client.GetAsync("/api/products/not-an-id", TestContext.Current.CancellationToken);
        await TestProducts.AssertProblemAsync(notAnId, HttpStatusCode.NotFound);
    }
}
