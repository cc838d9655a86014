using System.Net;

namespace Platform.Orders.Tests;

[Collection(typeof(OrdersCollection))]
public sealed class OrderAccessTests(OrdersFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Another_customer_gets_404_on_read_and_cancel_and_an_admin_may_read()
    {
        var product = await fixture.CreateProductAsync("Private Lamp", 10m, stock: 10);
        var (owner, stranger) = (fixture.NewCustomer(), fixture.NewCustomer());
        var order = await owner.PlaceOrderAsync(TestApi.GoodCard, (product.Id, 1));

        using var read = await stranger.Http.GetAsync($"/api/orders/{order.Id}", Cancellation);
        await TestApi.AssertProblemAsync(read, HttpStatusCode.NotFound);
        using var cancel = await stranger.OtherReplica.PostAsync($"/api/orders/{order.Id}/cancel", null, Cancellation);
        await TestApi.AssertProblemAsync(cancel, HttpStatusCode.NotFound);
        using var missing = await owner.Http.GetAsync($"/api/orders/{Guid.NewGuid()}", Cancellation);
        await TestApi.AssertProblemAsync(missing, HttpStatusCode.NotFound);
        using var list = await stranger.Http.GetAsync("/api/orders", Cancellation);
        Assert.Empty((await TestApi.ReadAsync<OrderPageDto>(list, HttpStatusCode.OK)).Items);

        var asAdmin = await fixture.OrdersClient(fixture.Tokens.Admin()).GetOrderAsync(order.Id);
        Assert.Equal(owner.Id, asAdmin.UserId);
        Assert.NotEqual("Cancelled", (await owner.Http.GetOrderAsync(order.Id)).Status);
    }

    [Fact]
    public async Task A_customer_lists_their_orders_newest_first_in_pages()
    {
        var product = await fixture.CreateProductAsync("Listed Pen", 1m, stock: 100);
        var customer = fixture.NewCustomer();
        var placed = new List<Guid>();
        for (var i = 1; i <= 3; i++)
        {
            placed.Add((await customer.PlaceOrderAsync(TestApi.GoodCard, (product.Id, i))).Id);
        }

        using var first = await customer.Http.GetAsync("/api/orders?page=1&pageSize=2", Cancellation);
        var page1 = await TestApi.ReadAsync<OrderPageDto>(first, HttpStatusCode.OK);
        using var second = await customer.OtherReplica.GetAsync("/api/orders?page=2&pageSize=2", Cancellation);
        var page2 = await TestApi.ReadAsync<OrderPageDto>(second, HttpStatusCode.OK);

        Assert.Equal((1, 2, 3), (page1.Page, page1.PageSize, page1.Total));
        Assert.Equal([placed[2], placed[1], placed[0]], page1.Items.Concat(page2.Items).Select(o => o.Id));
        Assert.Equal(3, page1.Items[0].Lines.Single().Quantity);

        using var badPage = await customer.Http.GetAsync("/api/orders?page=0&pageSize=101", Cancellation);
        Assert.Equal(["page", "pageSize"], (await TestApi.AssertProblemAsync(badPage, HttpStatusCode.BadRequest)).Errors!.Keys.Order());
        using var wrongType = await customer.Http.GetAsync("/api/orders?page=first", Cancellation);
        await TestApi.AssertProblemAsync(wrongType, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Orders_need_a_token()
    {
        var anonymous = fixture.OrdersClient(token: null);
        using var list = await anonymous.GetAsync("/api/orders", Cancellation);
        await TestApi.AssertProblemAsync(list, HttpStatusCode.Unauthorized);
        using var checkout = await anonymous.PostCheckoutAsync(Guid.NewGuid().ToString(), TestApi.Checkout());
        await TestApi.AssertProblemAsync(checkout, HttpStatusCode.Unauthorized);
    }
}
