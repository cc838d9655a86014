using System.Net;

namespace Platform.Orders.Tests;

/// <summary>The same system with a pending timeout of two seconds, checked twice a second by each of two replicas.</summary>
public sealed class DeadlineFixture : OrdersFixture
{
    protected override IReadOnlyDictionary<string, string> OrdersSettings => new Dictionary<string, string>
    {
        ["Orders__PendingTimeout"] = "00:00:02",
        ["Orders__DeadlineCheckInterval"] = "00:00:00.500",
    };
}

[CollectionDefinition]
public sealed class DeadlineCollection : ICollectionFixture<DeadlineFixture>;

[Collection(typeof(DeadlineCollection))]
public sealed class DeadlineTests(DeadlineFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_order_pending_past_its_deadline_is_cancelled_once_and_its_late_reservation_released()
    {
        var clock = await fixture.CreateProductAsync("Slow Clock", 40m, stock: 6);
        var customer = fixture.NewCustomer();
        await customer.PutCartAsync((clock.Id, 2));
        await using var cancelledEvents = await EventTap.StartAsync(fixture.Messaging, "order-cancelled", Cancellation);

        OrderDto order;
        // Products cannot reserve while the row is locked, so the order stays Pending past its deadline.
        await using (await ProductRowLock.TakeAsync(fixture.ProductsDatabase, clock.Id))
        {
            using var response = await customer.Http.PostCheckoutAsync(Guid.NewGuid().ToString(), TestApi.Checkout());
            var placed = await TestApi.ReadAsync<OrderDto>(response, HttpStatusCode.Created);
            order = await customer.OtherReplica.WaitForStatusAsync(placed.Id, "Cancelled");
        }

        Assert.Equal([("Pending", null), ("Cancelled", "Timed out")], order.History.Select(h => (h.Status, h.Reason)));
        Assert.InRange(order.History[1].At - order.CreatedAt, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30));
        // The reservation that lands after the deadline is released; the order stays cancelled; one event only.
        await Eventually.HoldsAsync(async () => await fixture.StockAsync(clock.Id) == 6 && await ReservationOfAsync(order.Id) == "Released",
            TestApi.Patience, "the late reservation is released", Cancellation);
        await Task.Delay(TimeSpan.FromSeconds(2), Cancellation);
        Assert.Equal(["Pending", "Cancelled"], (await customer.Http.GetOrderAsync(order.Id)).History.Select(h => h.Status));
        Assert.Single(cancelledEvents.Bodies, b => b.Contains(order.Id.ToString()));
    }

    private Task<string> ReservationOfAsync(Guid orderId) => fixture.QueryScalarAsync<string>(fixture.ProductsDatabase,
        "SELECT coalesce((SELECT status FROM order_reservations WHERE order_id = @id), '')", ("id", orderId));
}
