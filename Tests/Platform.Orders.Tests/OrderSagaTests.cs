using System.Net;

namespace Platform.Orders.Tests;

/// <summary>The whole saga with the real products service: reservation, payment, confirmation or compensation.</summary>
[Collection(typeof(OrdersCollection))]
public sealed class OrderSagaTests(OrdersFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_paid_order_is_confirmed_and_its_stock_taken()
    {
        var bike = await fixture.CreateProductAsync("Saga Bike", 300m, stock: 5);
        var bell = await fixture.CreateProductAsync("Saga Bell", 5m, stock: 20);
        var customer = fixture.NewCustomer();
        await using var confirmed = await EventTap.StartAsync(fixture.Messaging, "order-confirmed", Cancellation);

        var placed = await customer.PlaceOrderAsync(TestApi.GoodCard, (bike.Id, 2), (bell.Id, 3));
        var order = await customer.OtherReplica.WaitForStatusAsync(placed.Id, "Confirmed");

        Assert.Equal(["Pending", "Confirmed"], order.History.Select(h => h.Status));
        Assert.Equal((3, 17), (await fixture.StockAsync(bike.Id), await fixture.StockAsync(bell.Id)));
        await Eventually.HoldsAsync(() => confirmed.Bodies.Any(b => b.Contains(placed.Id.ToString()) && b.Contains("615")),
            TestApi.Patience, "OrderConfirmed is published with the total", Cancellation);
        Assert.StartsWith("ch_sim_", await fixture.QueryScalarAsync<string>(fixture.OrdersDatabase,
            "SELECT payment_charge_id FROM orders WHERE id = @id", ("id", placed.Id)));
    }

    [Theory]
    [InlineData(TestApi.DeclinedCard, "Payment declined: Your card was declined.")]
    [InlineData(TestApi.InsufficientFundsCard, "Payment declined: insufficient funds")]
    public async Task A_declined_card_cancels_the_order_and_puts_the_stock_back(string card, string reason)
    {
        var tent = await fixture.CreateProductAsync("Declined Tent", 120m, stock: 4);
        var customer = fixture.NewCustomer();
        await using var cancelled = await EventTap.StartAsync(fixture.Messaging, "order-cancelled", Cancellation);

        var placed = await customer.PlaceOrderAsync(card, (tent.Id, 3));
        var order = await customer.Http.WaitForStatusAsync(placed.Id, "Cancelled");

        Assert.Equal(reason, order.History.Last().Reason);
        Assert.Equal(["Pending", "Cancelled"], order.History.Select(h => h.Status));
        await Eventually.HoldsAsync(() => cancelled.Bodies.Any(b => b.Contains(placed.Id.ToString())), TestApi.Patience, "OrderCancelled is published", Cancellation);
        // Products reserved the stock, then released it when it saw the cancellation.
        await Eventually.HoldsAsync(async () => await ReservationOfAsync(placed.Id) == "Released", TestApi.Patience, "the reservation is released", Cancellation);
        Assert.Equal(4, await fixture.StockAsync(tent.Id));
    }

    [Fact]
    public async Task An_order_short_of_stock_is_cancelled_and_no_stock_moves()
    {
        var plenty = await fixture.CreateProductAsync("Plenty Socks", 3m, stock: 50);
        var scarce = await fixture.CreateProductAsync("Scarce Boots", 90m, stock: 2);
        var customer = fixture.NewCustomer();
        await customer.PutCartAsync((plenty.Id, 5), (scarce.Id, 2));

        // Someone else takes a pair of boots after this checkout's stock check, before products reserves.
        OrderDto placed;
        await using (await ProductRowLock.TakeAsync(fixture.ProductsDatabase, scarce.Id, newStock: 1))
        {
            using var response = await customer.Http.PostCheckoutAsync(Guid.NewGuid().ToString(), TestApi.Checkout());
            placed = await TestApi.ReadAsync<OrderDto>(response, HttpStatusCode.Created);
        }
        var order = await customer.Http.WaitForStatusAsync(placed.Id, "Cancelled");

        Assert.StartsWith("Out of stock: ", order.History.Last().Reason);
        Assert.Contains("Scarce Boots", order.History.Last().Reason);
        Assert.DoesNotContain("Plenty Socks", order.History.Last().Reason);
        Assert.Equal((50, 1), (await fixture.StockAsync(plenty.Id), await fixture.StockAsync(scarce.Id)));
        Assert.Equal("Rejected", await ReservationOfAsync(placed.Id));
    }

    [Fact]
    public async Task A_customer_cancels_a_pending_order_and_a_late_reservation_is_released()
    {
        var lamp = await fixture.CreateProductAsync("Cancelled Lamp", 20m, stock: 10);
        var customer = fixture.NewCustomer();
        await customer.PutCartAsync((lamp.Id, 2));

        OrderDto cancelled;
        await using (await ProductRowLock.TakeAsync(fixture.ProductsDatabase, lamp.Id))
        {
            using var checkout = await customer.Http.PostCheckoutAsync(Guid.NewGuid().ToString(), TestApi.Checkout());
            var placed = await TestApi.ReadAsync<OrderDto>(checkout, HttpStatusCode.Created);
            using var cancel = await customer.OtherReplica.PostAsync($"/api/orders/{placed.Id}/cancel", null, Cancellation);
            cancelled = await TestApi.ReadAsync<OrderDto>(cancel, HttpStatusCode.OK);
        }

        Assert.Equal("Cancelled", cancelled.Status);
        Assert.Equal(("Cancelled", "Cancelled by customer"), (cancelled.History.Last().Status, cancelled.History.Last().Reason));
        // Products reserves once the lock is gone, then releases on the OrderCancelled; the order stays cancelled.
        await Eventually.HoldsAsync(async () => await ReservationOfAsync(cancelled.Id) == "Released", TestApi.Patience, "the late reservation is released", Cancellation);
        Assert.Equal(10, await fixture.StockAsync(lamp.Id));
        var order = await customer.Http.GetOrderAsync(cancelled.Id);
        Assert.Equal(["Pending", "Cancelled"], order.History.Select(h => h.Status));

        using var again = await customer.Http.PostAsync($"/api/orders/{cancelled.Id}/cancel", null, Cancellation);
        await TestApi.AssertProblemAsync(again, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_confirmed_order_cannot_be_cancelled()
    {
        var lamp = await fixture.CreateProductAsync("Kept Lamp", 20m, stock: 10);
        var customer = fixture.NewCustomer();
        var placed = await customer.PlaceOrderAsync(TestApi.GoodCard, (lamp.Id, 1));
        await customer.Http.WaitForStatusAsync(placed.Id, "Confirmed");

        using var tooLate = await customer.Http.PostAsync($"/api/orders/{placed.Id}/cancel", null, Cancellation);

        await TestApi.AssertProblemAsync(tooLate, HttpStatusCode.Conflict);
        Assert.Equal("Confirmed", (await customer.OtherReplica.GetOrderAsync(placed.Id)).Status);
        Assert.Equal(9, await fixture.StockAsync(lamp.Id));
    }

    private Task<string> ReservationOfAsync(Guid orderId) => fixture.QueryScalarAsync<string>(fixture.ProductsDatabase,
        "SELECT coalesce((SELECT status FROM order_reservations WHERE order_id = @id), '')", ("id", orderId));
}
