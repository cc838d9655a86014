using System.Net;
using System.Text.Json.Nodes;

namespace Platform.Orders.Tests;

[Collection(typeof(OrdersCollection))]
public sealed class CheckoutTests(OrdersFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Checkout_orders_the_cart_at_current_prices_stores_no_card_and_empties_the_cart()
    {
        var chair = await fixture.CreateProductAsync("Checkout Chair", 49.99m, stock: 10);
        var desk = await fixture.CreateProductAsync("Checkout Desk", 150m, stock: 10);
        var customer = fixture.NewCustomer();
        await customer.PutCartAsync((chair.Id, 2), (desk.Id, 1));

        using var response = await customer.Http.PostCheckoutAsync(Guid.NewGuid().ToString(), TestApi.Checkout());
        var order = await TestApi.ReadAsync<OrderDto>(response, HttpStatusCode.Created);

        Assert.Equal($"/api/orders/{order.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(customer.Id, order.UserId);
        Assert.Equal("Pending", order.Status);
        Assert.Equal(
            [new OrderLineDto(chair.Id, "Checkout Chair", 2, 49.99m, 99.98m), new OrderLineDto(desk.Id, "Checkout Desk", 1, 150m, 150m)],
            order.Lines);
        Assert.Equal(249.98m, order.Total);
        Assert.Equal(new AddressDto("Ada Lovelace", "1 Analytical Way", "Flat 2", "Springfield", "AB1 2CD", "GB"), order.ShippingAddress);
        Assert.Equal(new PaymentDto("Visa", "4242"), order.Payment);
        Assert.Equal("Pending", order.History[0].Status);
        Assert.False(response.Headers.Contains("Idempotent-Replayed"));

        using var cart = await customer.Http.GetAsync("/api/cart", Cancellation);
        Assert.Empty((await TestApi.ReadAsync<CartDto>(cart, HttpStatusCode.OK)).Items);

        // Neither the card number nor the CVC is anywhere in the orders database.
        var dump = await fixture.QueryScalarAsync<string>(fixture.OrdersDatabase,
            "SELECT concat_ws('|', (SELECT string_agg(o::text, '|') FROM orders o WHERE id = @id), " +
            "(SELECT string_agg(r::text, '|') FROM idempotency_records r WHERE order_id = @id), " +
            "(SELECT string_agg(m::text, '|') FROM event_bus_outbox m))", ("id", order.Id));
        Assert.DoesNotContain(TestApi.GoodCard, dump);
        Assert.Contains("4242", dump);
    }

    public static TheoryData<string, string?, string> InvalidBodies => new()
    {
        { "shippingAddress.name", "", "shippingAddress.name" },
        { "shippingAddress.name", new string('n', 101), "shippingAddress.name" },
        { "shippingAddress.line1", null, "shippingAddress.line1" },
        { "shippingAddress.line2", new string('l', 201), "shippingAddress.line2" },
        { "shippingAddress.city", " ", "shippingAddress.city" },
        { "shippingAddress.postalCode", "12$45", "shippingAddress.postalCode" },
        { "shippingAddress.country", "GBR", "shippingAddress.country" },
        { "shippingAddress.country", "1A", "shippingAddress.country" },
        { "shippingAddress", null, "shippingAddress.city" },
        { "payment.cardNumber", "4242424242424241", "payment.cardNumber" },
        { "payment.cardNumber", "4242 4242 4242 4242", "payment.cardNumber" },
        { "payment.cardNumber", "42", "payment.cardNumber" },
        { "payment.expiry", "13/30", "payment.expiry" },
        { "payment.expiry", "01/20", "payment.expiry" },
        { "payment.expiry", "1230", "payment.expiry" },
        { "payment.cvc", "12", "payment.cvc" },
        { "payment.cvc", "12a", "payment.cvc" },
        { "payment", null, "payment.cardNumber" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task Invalid_fields_are_400_naming_the_field_and_nothing_is_ordered(string path, string? value, string field)
    {
        var product = await fixture.CreateProductAsync("Validation Lamp", 5m, stock: 5);
        var customer = fixture.NewCustomer();
        await customer.PutCartAsync((product.Id, 1));
        var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(TestApi.Checkout()))!.AsObject();
        var parts = path.Split('.');
        var parent = parts.Length == 1 ? body : body[parts[0]]!.AsObject();
        parent[parts[^1]] = value is null ? null : JsonValue.Create(value);

        using var response = await customer.Http.PostCheckoutJsonAsync(Guid.NewGuid().ToString(), body.ToJsonString());

        var problem = await TestApi.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(field, problem.Errors!.Keys);
        Assert.Equal(0L, await OrdersOfAsync(customer.Id));
    }

    [Fact]
    public async Task The_idempotency_key_is_required_and_short()
    {
        var product = await fixture.CreateProductAsync("Key Lamp", 5m, stock: 5);
        var customer = fixture.NewCustomer();
        await customer.PutCartAsync((product.Id, 1));

        using var missing = await customer.Http.PostCheckoutAsync(null, TestApi.Checkout());
        Assert.Equal(["Idempotency-Key"], (await TestApi.AssertProblemAsync(missing, HttpStatusCode.BadRequest)).Errors!.Keys);
        using var tooLong = await customer.Http.PostCheckoutAsync(new string('k', 101), TestApi.Checkout());
        Assert.Equal(["Idempotency-Key"], (await TestApi.AssertProblemAsync(tooLong, HttpStatusCode.BadRequest)).Errors!.Keys);
        Assert.Equal(0L, await OrdersOfAsync(customer.Id));
    }

    [Fact]
    public async Task An_empty_cart_is_422()
    {
        var customer = fixture.NewCustomer();
        using var response = await customer.Http.PostCheckoutAsync(Guid.NewGuid().ToString(), TestApi.Checkout());
        Assert.Contains("cart", (await TestApi.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity)).Errors!.Keys);
    }

    [Fact]
    public async Task Lines_short_of_stock_or_gone_are_409_naming_them()
    {
        var plenty = await fixture.CreateProductAsync("Plenty Pens", 1m, stock: 50);
        var scarce = await fixture.CreateProductAsync("Scarce Ink", 9m, stock: 5);
        var doomed = await fixture.CreateProductAsync("Doomed Paper", 2m, stock: 5);
        var customer = fixture.NewCustomer();
        await customer.PutCartAsync((plenty.Id, 2), (scarce.Id, 3), (doomed.Id, 1));
        var admin = fixture.ProductsClient(fixture.Tokens.Admin());
        using (await admin.PutAsync($"/api/products/{scarce.Id}",
            TestApi.Json($$"""{"name":"Scarce Ink","price":9,"category":"Orders test","stock":2}"""), Cancellation))
        using (await admin.DeleteAsync($"/api/products/{doomed.Id}", Cancellation))
        {
        }

        using var response = await customer.Http.PostCheckoutAsync(Guid.NewGuid().ToString(), TestApi.Checkout());

        var problem = await TestApi.AssertProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal(["items[1].quantity", "items[2].productId"], problem.Errors!.Keys.Order());
        Assert.Equal(0L, await OrdersOfAsync(customer.Id));
    }

    [Fact]
    public async Task The_unit_price_is_the_price_at_checkout()
    {
        var clock = await fixture.CreateProductAsync("Repriced Clock", 30m, stock: 5);
        var customer = fixture.NewCustomer();
        await customer.PutCartAsync((clock.Id, 2));
        using (var reprice = await fixture.ProductsClient(fixture.Tokens.Admin()).PutAsync($"/api/products/{clock.Id}",
            TestApi.Json("""{"name":"Repriced Clock","price":25.5,"category":"Orders test","stock":5}"""), Cancellation))
        {
            Assert.Equal(HttpStatusCode.OK, reprice.StatusCode);
        }

        using var response = await customer.Http.PostCheckoutAsync(Guid.NewGuid().ToString(), TestApi.Checkout());

        var order = await TestApi.ReadAsync<OrderDto>(response, HttpStatusCode.Created);
        Assert.Equal((25.5m, 51m), (order.Lines.Single().UnitPrice, order.Total));
    }

    [Theory]
    [InlineData("{\"shippingAddress\":")]
    [InlineData("not json")]
    [InlineData("{\"shippingAddress\":\"here\",\"payment\":{}}")]
    [InlineData("{\"shippingAddress\":{\"name\":42},\"payment\":{}}")]
    [InlineData("{\"shippingAddress\":{},\"payment\":{\"cardNumber\":4242424242424242}}")]
    [InlineData("[]")]
    public async Task Malformed_json_and_wrong_types_are_400_problems(string json)
    {
        var customer = fixture.NewCustomer();
        using var response = await customer.Http.PostCheckoutJsonAsync(Guid.NewGuid().ToString(), json);
        await TestApi.AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    private Task<long> OrdersOfAsync(Guid userId) =>
        fixture.QueryScalarAsync<long>(fixture.OrdersDatabase, "SELECT count(*) FROM orders WHERE user_id = @u", ("u", userId));
}
