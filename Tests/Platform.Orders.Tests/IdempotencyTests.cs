using System.Net;

namespace Platform.Orders.Tests;

[Collection(typeof(OrdersCollection))]
public sealed class IdempotencyTests(OrdersFixture fixture)
{
    [Fact]
    public async Task The_same_key_and_body_answer_the_same_order_even_once_the_cart_is_empty()
    {
        var product = await fixture.CreateProductAsync("Replayed Vase", 15m, stock: 10);
        var customer = fixture.NewCustomer();
        await customer.PutCartAsync((product.Id, 2));
        var key = Guid.NewGuid().ToString();

        using var first = await customer.Http.PostCheckoutAsync(key, TestApi.Checkout());
        var order = await TestApi.ReadAsync<OrderDto>(first, HttpStatusCode.Created);
        using var again = await customer.OtherReplica.PostCheckoutAsync(key, TestApi.Checkout());
        var replayed = await TestApi.ReadAsync<OrderDto>(again, HttpStatusCode.Created);

        Assert.Equal(order.Id, replayed.Id);
        Assert.Equal(order.Lines, replayed.Lines);
        Assert.Equal((order.Total, order.CreatedAt, order.ShippingAddress, order.Payment), (replayed.Total, replayed.CreatedAt, replayed.ShippingAddress, replayed.Payment));
        Assert.Equal(["true"], again.Headers.GetValues("Idempotent-Replayed"));
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal(1L, await OrdersOfAsync(customer.Id));
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_422()
    {
        var product = await fixture.CreateProductAsync("Reused Key Vase", 15m, stock: 10);
        var customer = fixture.NewCustomer();
        await customer.PutCartAsync((product.Id, 1));
        var key = Guid.NewGuid().ToString();
        using var first = await customer.Http.PostCheckoutAsync(key, TestApi.Checkout());
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await customer.PutCartAsync((product.Id, 1));

        using var other = await customer.Http.PostCheckoutAsync(key, TestApi.Checkout(city: "Shelbyville"));

        Assert.Contains("Idempotency-Key", (await TestApi.AssertProblemAsync(other, HttpStatusCode.UnprocessableEntity)).Errors!.Keys);
        Assert.Equal(1L, await OrdersOfAsync(customer.Id));
    }

    [Fact]
    public async Task Keys_belong_to_their_customer()
    {
        var product = await fixture.CreateProductAsync("Shared Key Vase", 15m, stock: 10);
        var (ada, bob) = (fixture.NewCustomer(), fixture.NewCustomer());
        var key = Guid.NewGuid().ToString();

        var adaOrder = await PlaceWithKeyAsync(ada, key, product.Id);
        var bobOrder = await PlaceWithKeyAsync(bob, key, product.Id);

        Assert.NotEqual(adaOrder.Id, bobOrder.Id);
        Assert.Equal(bob.Id, bobOrder.UserId);
    }

    [Fact]
    public async Task Concurrent_requests_with_one_key_make_one_order()
    {
        var product = await fixture.CreateProductAsync("Raced Vase", 15m, stock: 100);
        var customer = fixture.NewCustomer();
        await customer.PutCartAsync((product.Id, 1));
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            (i % 2 == 0 ? customer.Http : customer.OtherReplica).PostCheckoutAsync(key, TestApi.Checkout())));
        try
        {
            var orders = new List<OrderDto>();
            foreach (var response in responses)
            {
                orders.Add(await TestApi.ReadAsync<OrderDto>(response, HttpStatusCode.Created));
            }
            Assert.Single(orders.Select(o => o.Id).Distinct());
            Assert.Equal(1L, await OrdersOfAsync(customer.Id));
            Assert.Equal(7, responses.Count(r => r.Headers.Contains("Idempotent-Replayed")));
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }

    private static async Task<OrderDto> PlaceWithKeyAsync(Customer customer, string key, Guid productId)
    {
        await customer.PutCartAsync((productId, 1));
        using var response = await customer.Http.PostCheckoutAsync(key, TestApi.Checkout());
        return await TestApi.ReadAsync<OrderDto>(response, HttpStatusCode.Created);
    }

    private Task<long> OrdersOfAsync(Guid userId) =>
        fixture.QueryScalarAsync<long>(fixture.OrdersDatabase, "SELECT count(*) FROM orders WHERE user_id = @u", ("u", userId));
}
