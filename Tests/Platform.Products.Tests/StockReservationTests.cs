using System.Net;
using System.Net.Http.Json;

namespace Platform.Products.Tests;

[Collection(typeof(ProductsCollection))]
public sealed class StockReservationTests(ProductsFixture fixture)
{
    private readonly HttpClient _admin = fixture.Client(token: fixture.Tokens.Admin());

    [Fact]
    public async Task Fifty_concurrent_reservations_of_one_against_ten_in_stock_sell_exactly_ten()
    {
        var product = await TestProducts.CreateAsync(_admin, "Scarce Widget", 5m, TestProducts.UniqueCategory(), stock: 10);
        var replicas = new[] { fixture.Client(0, fixture.Tokens.Admin()), fixture.Client(1, fixture.Tokens.Admin()) };

        var statuses = await Task.WhenAll(Enumerable.Range(0, 50).Select(async i =>
        {
            using var response = await replicas[i % 2].PostAsJsonAsync("/api/stock/reservations",
                new { lines = new[] { new { productId = product.Id, quantity = 1 } } }, TestContext.Current.CancellationToken);
            return response.StatusCode;
        }));

        Assert.Equal(10, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(40, statuses.Count(s => s == HttpStatusCode.Conflict));
        Assert.Equal(0, await fixture.QueryScalarAsync<int>("SELECT stock FROM products WHERE id = @id", ("id", product.Id)));
        Assert.Equal(0, (await replicas[1].GetJsonAsync<ProductDto>($"/api/products/{product.Id}")).Stock);
    }

    [Fact]
    public async Task A_reservation_is_all_or_nothing_and_can_be_released()
    {
        var category = TestProducts.UniqueCategory();
        var plenty = await TestProducts.CreateAsync(_admin, "Plenty", 1m, category, stock: 100);
        var few = await TestProducts.CreateAsync(_admin, "Few", 1m, category, stock: 2);
        var cancellation = TestContext.Current.CancellationToken;

        using var rejected = await _admin.PostAsJsonAsync("/api/stock/reservations",
            new { lines = new[] { new { productId = plenty.Id, quantity = 5 }, new { productId = few.Id, quantity = 3 } } }, cancellation);
        await TestProducts.AssertProblemAsync(rejected, HttpStatusCode.Conflict);
        Assert.Contains(few.Id.ToString(), await rejected.Content.ReadAsStringAsync(cancellation));
        Assert.Equal((100, 2), (await StockAsync(plenty.Id), await StockAsync(few.Id)));

        using var reserved = await _admin.PostAsJsonAsync("/api/stock/reservations",
            new { lines = new[] { new { productId = plenty.Id, quantity = 5 }, new { productId = few.Id, quantity = 1 }, new { productId = few.Id, quantity = 1 } } }, cancellation);
        Assert.Equal(HttpStatusCode.OK, reserved.StatusCode);
        Assert.Equal((95, 0), (await StockAsync(plenty.Id), await StockAsync(few.Id)));
        Assert.Equal(0, (await fixture.Client(1).GetJsonAsync<ProductDto>($"/api/products/{few.Id}")).Stock);

        using var released = await _admin.PostAsJsonAsync("/api/stock/releases",
            new { lines = new[] { new { productId = plenty.Id, quantity = 5 }, new { productId = few.Id, quantity = 2 } } }, cancellation);
        Assert.Equal(HttpStatusCode.NoContent, released.StatusCode);
        Assert.Equal((100, 2), (await StockAsync(plenty.Id), await StockAsync(few.Id)));
    }

    [Fact]
    public async Task Stock_never_goes_negative_even_by_direct_sql()
    {
        var product = await TestProducts.CreateAsync(_admin, "Guarded", 1m, TestProducts.UniqueCategory(), stock: 1);
        var error = await Assert.ThrowsAsync<Npgsql.PostgresException>(() =>
            fixture.QueryScalarAsync<object>("UPDATE products SET stock = -1 WHERE id = @id", ("id", product.Id)));
        Assert.Equal("23514", error.SqlState); // check_violation
    }

    [Fact]
    public async Task Reservations_need_an_admin_and_valid_lines()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var body = new { lines = new[] { new { productId = Guid.NewGuid(), quantity = 1 } } };
        using var anonymous = await fixture.Client().PostAsJsonAsync("/api/stock/reservations", body, cancellation);
        await TestProducts.AssertProblemAsync(anonymous, HttpStatusCode.Unauthorized);
        using var customer = await fixture.Client(token: fixture.Tokens.Customer()).PostAsJsonAsync("/api/stock/reservations", body, cancellation);
        await TestProducts.AssertProblemAsync(customer, HttpStatusCode.Forbidden);
        using var zero = await _admin.PostAsJsonAsync("/api/stock/reservations",
            new { lines = new[] { new { productId = Guid.NewGuid(), quantity = 0 } } }, cancellation);
        Assert.Contains("lines", (await TestProducts.AssertProblemAsync(zero, HttpStatusCode.BadRequest)).Errors!.Keys);
        using var unknown = await _admin.PostAsJsonAsync("/api/stock/reservations", body, cancellation);
        await TestProducts.AssertProblemAsync(unknown, HttpStatusCode.Conflict);
    }

    private Task<int> StockAsync(Guid id) => fixture.QueryScalarAsync<int>("SELECT stock FROM products WHERE id = @id", ("id", id));
}
