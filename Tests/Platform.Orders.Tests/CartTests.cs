using System.Net;
using System.Net.Http.Json;
using StackExchange.Redis;

namespace Platform.Orders.Tests;

[Collection(typeof(OrdersCollection))]
public sealed class CartTests(OrdersFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_new_cart_is_empty()
    {
        var customer = fixture.NewCustomer();
        using var response = await customer.Http.GetAsync("/api/cart", Cancellation);
        var cart = await TestApi.ReadAsync<CartDto>(response, HttpStatusCode.OK);
        Assert.Empty(cart.Items);
        Assert.Equal(0m, cart.Total);
    }

    [Fact]
    public async Task The_cart_is_replaced_edited_per_item_and_emptied_and_reads_enriched_from_products()
    {
        var kettle = await fixture.CreateProductAsync("Cart Kettle", 19.99m, stock: 10);
        var mug = await fixture.CreateProductAsync("Cart Mug", 4.5m, stock: 1);
        var customer = fixture.NewCustomer();

        var cart = await customer.PutCartAsync((kettle.Id, 2), (mug.Id, 3));
        List<CartItemDto> expected =
            [new(kettle.Id, "Cart Kettle", 19.99m, 2, 39.98m, kettle.ImageUrl, true), new(mug.Id, "Cart Mug", 4.5m, 3, 13.5m, mug.ImageUrl, false)];
        Assert.Equal(expected, cart.Items);
        Assert.Equal(39.98m, cart.Total); // the mug is short of stock: shown, but not counted

        // The other replica reads the same cart from Redis.
        var fromOtherReplica = await GetCartAsync(customer.OtherReplica);
        Assert.Equal(expected, fromOtherReplica.Items);
        Assert.Equal(39.98m, fromOtherReplica.Total);

        using (var setMug = await customer.Http.PutAsJsonAsync($"/api/cart/items/{mug.Id}", new { quantity = 1 }, Cancellation))
        {
            cart = await TestApi.ReadAsync<CartDto>(setMug, HttpStatusCode.OK);
        }
        Assert.Equal(44.48m, cart.Total);
        using (var removeKettle = await customer.OtherReplica.DeleteAsync($"/api/cart/items/{kettle.Id}", Cancellation))
        {
            cart = await TestApi.ReadAsync<CartDto>(removeKettle, HttpStatusCode.OK);
        }
        Assert.Equal([mug.Id], cart.Items.Select(i => i.ProductId));
        using (var zero = await customer.Http.PutAsJsonAsync($"/api/cart/items/{mug.Id}", new { quantity = 0 }, Cancellation))
        {
            Assert.Empty((await TestApi.ReadAsync<CartDto>(zero, HttpStatusCode.OK)).Items);
        }
        using (var add = await customer.Http.PutAsJsonAsync($"/api/cart/items/{kettle.Id}", new { quantity = 5 }, Cancellation))
        {
            Assert.Equal(99.95m, (await TestApi.ReadAsync<CartDto>(add, HttpStatusCode.OK)).Total);
        }

        using var clear = await customer.Http.DeleteAsync("/api/cart", Cancellation);
        Assert.Equal(HttpStatusCode.NoContent, clear.StatusCode);
        Assert.Empty((await GetCartAsync(customer.Http)).Items);
    }

    [Fact]
    public async Task Every_read_and_write_renews_the_thirty_day_expiry()
    {
        var lamp = await fixture.CreateProductAsync("Expiring Lamp", 12m, stock: 5);
        var customer = fixture.NewCustomer();
        var redis = fixture.Redis.GetDatabase();
        var key = $"cart:{customer.Id}";
        var thirtyDays = TimeSpan.FromDays(30);

        await customer.PutCartAsync((lamp.Id, 1));
        AssertNearly(thirtyDays, await redis.KeyTimeToLiveAsync(key));

        await redis.KeyExpireAsync(key, TimeSpan.FromDays(1));
        await GetCartAsync(customer.Http);
        AssertNearly(thirtyDays, await redis.KeyTimeToLiveAsync(key));

        await redis.KeyExpireAsync(key, TimeSpan.FromDays(1));
        using (var set = await customer.Http.PutAsJsonAsync($"/api/cart/items/{lamp.Id}", new { quantity = 2 }, Cancellation))
        {
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        }
        AssertNearly(thirtyDays, await redis.KeyTimeToLiveAsync(key));
    }

    public static TheoryData<string, string> InvalidCarts => new()
    {
        { """{"items":[{"productId":"P","quantity":0}]}""", "items[0].quantity" },
        { """{"items":[{"productId":"P","quantity":100}]}""", "items[0].quantity" },
        { """{"items":[{"productId":"P"}]}""", "items[0].quantity" },
        { """{"items":[{"quantity":1}]}""", "items[0].productId" },
        { """{"items":[{"productId":"P","quantity":1},{"productId":"P","quantity":2}]}""", "items[1].productId" },
        { """{}""", "items" },
        { "{\"items\":[" + string.Join(",", Enumerable.Range(0, 51).Select(_ => $"{{\"productId\":\"{Guid.NewGuid()}\",\"quantity\":1}}")) + "]}", "items" },
    };

    [Theory]
    [MemberData(nameof(InvalidCarts))]
    public async Task Invalid_carts_are_400_naming_the_field_and_change_nothing(string json, string field)
    {
        var product = await fixture.CreateProductAsync("Valid Thing", 3m, stock: 5);
        var customer = fixture.NewCustomer();
        await customer.PutCartAsync((product.Id, 1));

        using var response = await customer.Http.PutAsync("/api/cart", TestApi.Json(json.Replace("\"P\"", $"\"{product.Id}\"")), Cancellation);

        var problem = await TestApi.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(field, problem.Errors!.Keys);
        Assert.Equal([product.Id], (await GetCartAsync(customer.Http)).Items.Select(i => i.ProductId));
    }

    [Fact]
    public async Task Unknown_products_are_422_naming_the_line()
    {
        var known = await fixture.CreateProductAsync("Known Thing", 3m, stock: 5);
        var customer = fixture.NewCustomer();

        using var replace = await customer.Http.PutAsJsonAsync("/api/cart",
            new { items = new[] { new { productId = known.Id, quantity = 1 }, new { productId = Guid.NewGuid(), quantity = 1 } } }, Cancellation);
        Assert.Equal(["items[1].productId"], (await TestApi.AssertProblemAsync(replace, HttpStatusCode.UnprocessableEntity)).Errors!.Keys);

        using var setOne = await customer.Http.PutAsJsonAsync($"/api/cart/items/{Guid.NewGuid()}", new { quantity = 1 }, Cancellation);
        Assert.Equal(["productId"], (await TestApi.AssertProblemAsync(setOne, HttpStatusCode.UnprocessableEntity)).Errors!.Keys);

        using var badQuantity = await customer.Http.PutAsJsonAsync($"/api/cart/items/{known.Id}", new { quantity = 100 }, Cancellation);
        Assert.Equal(["quantity"], (await TestApi.AssertProblemAsync(badQuantity, HttpStatusCode.BadRequest)).Errors!.Keys);
        Assert.Empty((await GetCartAsync(customer.Http)).Items);
    }

    [Theory]
    [InlineData("/api/cart", "{\"items\":[")]
    [InlineData("/api/cart", "not json")]
    [InlineData("/api/cart", "{\"items\":[{\"productId\":\"not-a-guid\",\"quantity\":1}]}")]
    [InlineData("/api/cart", "{\"items\":[{\"productId\":\"00000000-0000-0000-0000-000000000001\",\"quantity\":\"two\"}]}")]
    [InlineData("/api/cart", "{\"items\":[{\"productId\":\"00000000-0000-0000-0000-000000000001\",\"quantity\":99999999999}]}")]
    [InlineData("/api/cart", "{\"items\":{}}")]
    [InlineData("/api/cart", "[1,2]")]
    [InlineData("/api/cart/items/00000000-0000-0000-0000-000000000001", "{\"quantity\":1.5}")]
    public async Task Malformed_json_and_wrong_types_are_400_problems(string path, string json)
    {
        var customer = fixture.NewCustomer();
        using var response = await customer.Http.PutAsync(path, TestApi.Json(json), Cancellation);
        await TestApi.AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_cart_needs_a_token()
    {
        using var response = await fixture.OrdersClient(token: null).GetAsync("/api/cart", Cancellation);
        await TestApi.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    private static async Task<CartDto> GetCartAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api/cart", Cancellation);
        return await TestApi.ReadAsync<CartDto>(response, HttpStatusCode.OK);
    }

    private static void AssertNearly(TimeSpan expected, TimeSpan? actual) =>
        Assert.InRange(actual ?? TimeSpan.Zero, expected - TimeSpan.FromMinutes(1), expected);
}
