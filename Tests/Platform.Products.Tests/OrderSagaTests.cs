using System.Text.Json;
using Platform.Contracts;

namespace Platform.Products.Tests;

/// <summary>
/// The catalog's part of the order saga, driven by the events the orders service publishes (the test plays the
/// orders service on the real broker): all-or-nothing reservation, release once, and any arrival order.
/// </summary>
[Collection(typeof(ProductsCollection))]
public sealed class OrderSagaTests(ProductsFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;
    private readonly HttpClient _admin = fixture.Client(token: fixture.Tokens.Admin());

    [Fact]
    public async Task A_placed_order_is_reserved_once_and_released_once()
    {
        var category = TestProducts.UniqueCategory();
        var lamp = await TestProducts.CreateAsync(_admin, "Saga Lamp", 10m, category, stock: 5);
        var rug = await TestProducts.CreateAsync(_admin, "Saga Rug", 20m, category, stock: 3);
        await using var reserved = await EventTap.StartAsync(fixture.MessagingConnectionString, "stock-reserved", Cancellation);
        await using var publisher = await EventPublisher.ConnectAsync(fixture.MessagingConnectionString, Cancellation);
        var placed = Placed(new OrderLine(lamp.Id, 2, 10m), new OrderLine(rug.Id, 3, 20m));

        var placedAgain = placed with { Id = Guid.NewGuid() };
        await publisher.PublishAsync(placed, Cancellation);
        await publisher.PublishAsync(placedAgain, Cancellation);

        await Eventually.HoldsAsync(() => reserved.Bodies.Any(b => b.Contains(placed.OrderId.ToString())), Patience, "StockReserved is published", Cancellation);
        Assert.Equal(3, await StockAsync(lamp.Id));
        Assert.Equal(0, await StockAsync(rug.Id));
        Assert.Equal(0, (await fixture.Client(1).GetJsonAsync<ProductDto>($"/api/products/{rug.Id}")).Stock);

        var cancelled = new OrderCancelled(placed.OrderId, placed.UserId, placed.Lines, "Payment declined");
        var cancelledAgain = cancelled with { Id = Guid.NewGuid() };
        await publisher.PublishAsync(cancelled, Cancellation);
        await publisher.PublishAsync(cancelledAgain, Cancellation);

        await WaitUntilHandledAsync(placed.Id, placedAgain.Id, cancelled.Id, cancelledAgain.Id);
        Assert.Equal("Released", await StatusAsync(placed.OrderId));
        Assert.Equal(5, await StockAsync(lamp.Id));
        Assert.Equal(3, await StockAsync(rug.Id));
        Assert.Single(reserved.Bodies, b => b.Contains(placed.OrderId.ToString()));
        Assert.Equal(3, (await fixture.Client(0).GetJsonAsync<ProductDto>($"/api/products/{rug.Id}")).Stock);
    }

    [Fact]
    public async Task A_short_order_is_rejected_whole_and_its_cancellation_releases_nothing()
    {
        var category = TestProducts.UniqueCategory();
        var plenty = await TestProducts.CreateAsync(_admin, "Plenty Mugs", 4m, category, stock: 50);
        var scarce = await TestProducts.CreateAsync(_admin, "Scarce Teapot", 30m, category, stock: 1);
        await using var rejected = await EventTap.StartAsync(fixture.MessagingConnectionString, "stock-rejected", Cancellation);
        await using var publisher = await EventPublisher.ConnectAsync(fixture.MessagingConnectionString, Cancellation);
        var placed = Placed(new OrderLine(plenty.Id, 5, 4m), new OrderLine(scarce.Id, 2, 30m));

        await publisher.PublishAsync(placed, Cancellation);

        await Eventually.HoldsAsync(() => rejected.Bodies.Any(b => b.Contains(placed.OrderId.ToString())), Patience, "StockRejected is published", Cancellation);
        var rejection = JsonDocument.Parse(rejected.Bodies.Single(b => b.Contains(placed.OrderId.ToString()))).RootElement;
        Assert.Equal([scarce.Id], rejection.GetProperty("unavailableProductIds").EnumerateArray().Select(e => e.GetGuid()));
        Assert.Contains("Scarce Teapot", rejection.GetProperty("reason").GetString());
        Assert.Equal(50, await StockAsync(plenty.Id));

        var cancelled = new OrderCancelled(placed.OrderId, placed.UserId, placed.Lines, "Out of stock");
        await publisher.PublishAsync(cancelled, Cancellation);
        await WaitUntilHandledAsync(placed.Id, cancelled.Id);
        Assert.Equal(50, await StockAsync(plenty.Id));
        Assert.Equal(1, await StockAsync(scarce.Id));
        Assert.Equal("Rejected", await StatusAsync(placed.OrderId));
    }

    [Fact]
    public async Task An_order_cancelled_before_its_placement_arrives_is_never_reserved()
    {
        var product = await TestProducts.CreateAsync(_admin, "Late Kettle", 25m, TestProducts.UniqueCategory(), stock: 4);
        await using var reserved = await EventTap.StartAsync(fixture.MessagingConnectionString, "stock-reserved", Cancellation);
        await using var publisher = await EventPublisher.ConnectAsync(fixture.MessagingConnectionString, Cancellation);
        var placed = Placed(new OrderLine(product.Id, 1, 25m));

        var cancelled = new OrderCancelled(placed.OrderId, placed.UserId, placed.Lines, "Timed out");
        await publisher.PublishAsync(cancelled, Cancellation);
        await WaitUntilHandledAsync(cancelled.Id);
        await publisher.PublishAsync(placed, Cancellation);

        await WaitUntilHandledAsync(placed.Id);
        Assert.Equal("CancelledBeforePlacement", await StatusAsync(placed.OrderId));
        Assert.Equal(4, await StockAsync(product.Id));
        Assert.DoesNotContain(reserved.Bodies, b => b.Contains(placed.OrderId.ToString()));
    }

    private static OrderPlaced Placed(params OrderLine[] lines) =>
        new(Guid.NewGuid(), Guid.NewGuid(), lines, lines.Sum(l => l.Quantity * l.UnitPrice));

    private Task<int> StockAsync(Guid productId) => fixture.QueryScalarAsync<int>("SELECT stock FROM products WHERE id = @id", ("id", productId));

    private async Task<string?> StatusAsync(Guid orderId) =>
        await fixture.QueryScalarAsync<object?>("SELECT status FROM order_reservations WHERE order_id = @id", ("id", orderId)) as string;

    /// <summary>Waits until the products service has handled (or skipped as a duplicate) every one of these events.</summary>
    private Task WaitUntilHandledAsync(params Guid[] eventIds) =>
        Eventually.HoldsAsync(async () => await fixture.QueryScalarAsync<long>(
                "SELECT count(*) FROM event_bus_inbox WHERE event_id = ANY(@ids)", ("ids", eventIds)) == eventIds.Length,
            Patience, $"the products service handled events {string.Join(", ", eventIds)}", Cancellation);
}
