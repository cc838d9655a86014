using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Platform.Products.Tests;

[Collection(typeof(ProductsCollection))]
public sealed class ProductAdminTests(ProductsFixture fixture)
{
    private readonly HttpClient _admin = fixture.Client(token: fixture.Tokens.Admin());

    [Fact]
    public async Task Admin_creates_edits_and_deletes_a_product()
    {
        var category = TestProducts.UniqueCategory();
        var created = await TestProducts.CreateAsync(_admin, "Test Kettle", 19.99m, category, stock: 7, description: "Boils water");
        Assert.Equal(("Test Kettle", 19.99m, category, 7, "Boils water"), (created.Name, created.Price, created.Category, created.Stock, created.Description));
        Assert.Equal($"/api/products/{created.Id}/image", created.ImageUrl);

        using var update = await _admin.PutAsJsonAsync($"/api/products/{created.Id}",
            new { name = "Test Kettle 2", description = "Boils faster", price = 24.5m, category, stock = 3 }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        var read = await fixture.Client(replica: 1).GetJsonAsync<ProductDto>($"/api/products/{created.Id}");
        Assert.Equal(("Test Kettle 2", 24.5m, 3, "Boils faster"), (read.Name, read.Price, read.Stock, read.Description));

        using var delete = await _admin.DeleteAsync($"/api/products/{created.Id}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        using var gone = await fixture.Client(replica: 1).GetAsync($"/api/products/{created.Id}", TestContext.Current.CancellationToken);
        await TestProducts.AssertProblemAsync(gone, HttpStatusCode.NotFound);
        using var deleteAgain = await _admin.DeleteAsync($"/api/products/{created.Id}", TestContext.Current.CancellationToken);
        await TestProducts.AssertProblemAsync(deleteAgain, HttpStatusCode.NotFound);
        using var updateMissing = await _admin.PutAsJsonAsync($"/api/products/{created.Id}",
            new { name = "x", price = 1m, category, stock = 1 }, TestContext.Current.CancellationToken);
        await TestProducts.AssertProblemAsync(updateMissing, HttpStatusCode.NotFound);
    }

    public static TheoryData<string> UnauthorizedTokens => ["none", "tampered", "expired", "foreign-key"];

    [Theory]
    [MemberData(nameof(UnauthorizedTokens))]
    public async Task Writes_without_a_valid_token_are_401(string kind)
    {
        string? token = kind switch
        {
            "tampered" => Tamper(fixture.Tokens.Customer()),
            "expired" => fixture.Tokens.Mint("admin", expires: DateTime.UtcNow.AddMinutes(-5)),
            "foreign-key" => fixture.Tokens.Mint("admin", signingKey: new RsaSecurityKey(RSA.Create(2048)) { KeyId = "test-key-1" }),
            _ => null,
        };
        var client = fixture.Client(token: token);
        var body = new { name = "Nope", price = 1m, category = "Books", stock = 1 };

        using var post = await client.PostAsJsonAsync("/api/products", body, TestContext.Current.CancellationToken);
        using var put = await client.PutAsJsonAsync($"/api/products/{Guid.NewGuid()}", body, TestContext.Current.CancellationToken);
        using var delete = await client.DeleteAsync($"/api/products/{Guid.NewGuid()}", TestContext.Current.CancellationToken);

        foreach (var response in new[] { post, put, delete })
        {
            await TestProducts.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        }
    }

    [Fact]
    public async Task Customers_may_not_write()
    {
        var customer = fixture.Client(token: fixture.Tokens.Customer());
        var seeded = (await customer.GetJsonAsync<ProductPageDto>("/api/products?pageSize=1")).Items.Single();
        var body = new { name = "Nope", price = 1m, category = "Books", stock = 1 };

        using var post = await customer.PostAsJsonAsync("/api/products", body, TestContext.Current.CancellationToken);
        using var put = await customer.PutAsJsonAsync($"/api/products/{seeded.Id}", body, TestContext.Current.CancellationToken);
        using var delete = await customer.DeleteAsync($"/api/products/{seeded.Id}", TestContext.Current.CancellationToken);

        foreach (var response in new[] { post, put, delete })
        {
            await TestProducts.AssertProblemAsync(response, HttpStatusCode.Forbidden);
        }
        Assert.Equal(seeded, await customer.GetJsonAsync<ProductDto>($"/api/products/{seeded.Id}"));
    }

    public static TheoryData<string, string> InvalidBodies => new()
    {
        { """{"name":"","price":1,"category":"X","stock":1}""", "name" },
        { $$"""{"name":"{{new string('n', 201)}}","price":1,"category":"X","stock":1}""", "name" },
        { $$"""{"name":"A","description":"{{new string('d', 4001)}}","price":1,"category":"X","stock":1}""", "description" },
        { """{"name":"A","price":0,"category":"X","stock":1}""", "price" },
        { """{"name":"A","price":-5,"category":"X","stock":1}""", "price" },
        { """{"name":"A","price":1.999,"category":"X","stock":1}""", "price" },
        { """{"name":"A","price":1000000.01,"category":"X","stock":1}""", "price" },
        { """{"name":"A","category":"X","stock":1}""", "price" },
        { """{"name":"A","price":1,"category":"","stock":1}""", "category" },
        { $$"""{"name":"A","price":1,"category":"{{new string('c', 101)}}","stock":1}""", "category" },
        { """{"name":"A","price":1,"category":"X","stock":-1}""", "stock" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task Invalid_fields_are_a_validation_problem_and_nothing_is_written(string json, string field)
    {
        var marker = $"invalid-{Guid.NewGuid():N}";
        json = json.Replace("\"X\"", $"\"{marker}\"");

        using var post = await _admin.PostAsync("/api/products", Json(json), TestContext.Current.CancellationToken);
        var problem = await TestProducts.AssertProblemAsync(post, HttpStatusCode.BadRequest);
        Assert.Contains(field, problem.Errors!.Keys);

        var seeded = (await _admin.GetJsonAsync<ProductPageDto>("/api/products?pageSize=1")).Items.Single();
        using var put = await _admin.PutAsync($"/api/products/{seeded.Id}", Json(json), TestContext.Current.CancellationToken);
        await TestProducts.AssertProblemAsync(put, HttpStatusCode.BadRequest);
        Assert.Equal(seeded, await _admin.GetJsonAsync<ProductDto>($"/api/products/{seeded.Id}"));
        Assert.Equal(0L, await fixture.QueryScalarAsync<long>("SELECT count(*) FROM products WHERE category = @c", ("c", marker)));
    }

    [Theory]
    [InlineData("{\"name\":\"A\",")]
    [InlineData("not json")]
    [InlineData("{\"name\":\"A\",\"price\":\"cheap\",\"category\":\"X\",\"stock\":1}")]
    [InlineData("{\"name\":\"A\",\"price\":1,\"category\":\"X\",\"stock\":1.5}")]
    [InlineData("{\"name\":\"A\",\"price\":1e40,\"category\":\"X\",\"stock\":1}")]
    [InlineData("{\"name\":\"A\",\"price\":1,\"category\":\"X\",\"stock\":99999999999}")]
    [InlineData("[1,2,3]")]
    public async Task Malformed_json_and_wrong_types_are_400_problems(string json)
    {
        using var response = await _admin.PostAsync("/api/products", Json(json), TestContext.Current.CancellationToken);
        await TestProducts.AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Oversized_bodies_are_refused()
    {
        var json = $$"""{"name":"A","description":"{{new string('d', 200_000)}}","price":1,"category":"X","stock":1}""";
        // Expect: 100-continue lets the service refuse the body before the client sends it.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/products") { Content = Json(json) };
        request.Headers.ExpectContinue = true;
        using var response = await _admin.SendAsync(request, TestContext.Current.CancellationToken);
        await TestProducts.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>A customer's token promoted to admin by editing its payload, which breaks the signature.</summary>
    private static string Tamper(string token)
    {
        var parts = token.Split('.');
        var payload = Base64UrlEncoder.Decode(parts[1]).Replace("\"customer\"", "\"admin\"");
        return $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";
    }
}
