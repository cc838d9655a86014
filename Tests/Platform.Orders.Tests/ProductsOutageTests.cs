using System.Net;

namespace Platform.Orders.Tests;

[Collection(typeof(OrdersCollection))]
public sealed class ProductsOutageTests(OrdersFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Without_products_the_cart_and_checkout_answer_503_problems_and_recover()
    {
        var product = await fixture.CreateProductAsync("Outage Kettle", 10m, stock: 5);
        var customer = fixture.NewCustomer();
        await customer.PutCartAsync((product.Id, 1));

        await fixture.App.StopResourceAsync(OrdersFixture.Products, TestContext.Current.CancellationToken);
        try
        {
            using var cart = await customer.Http.GetAsync("/api/cart", Cancellation);
            await TestApi.AssertProblemAsync(cart, HttpStatusCode.ServiceUnavailable);
            using var checkout = await customer.OtherReplica.PostCheckoutAsync(Guid.NewGuid().ToString(), TestApi.Checkout());
            await TestApi.AssertProblemAsync(checkout, HttpStatusCode.ServiceUnavailable);
        }
        finally
        {
            await fixture.App.StartResourceAsync(OrdersFixture.Products, TestContext.Current.CancellationToken);
        }
        await fixture.App.WaitForResourceHealthyAsync(OrdersFixture.Products, cancellationToken: Cancellation);

        // The circuit to the old address may still be open for a few seconds.
        await Eventually.HoldsAsync(async () =>
        {
            using var response = await customer.Http.GetAsync("/api/cart", Cancellation);
            return response.StatusCode == HttpStatusCode.OK;
        }, TestApi.Patience, "the cart reads again", Cancellation);
        Assert.Equal(0L, await fixture.QueryScalarAsync<long>(fixture.OrdersDatabase, "SELECT count(*) FROM orders WHERE user_id = @u", ("u", customer.Id)));
    }
}
