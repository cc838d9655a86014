using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.EventBus;
using Platform.Products.Catalog;
using Platform.Products.Data;

namespace Platform.Products.Events;

/// <summary>
/// Compensation: a cancelled order's reserved stock goes back on the shelf, once. An order cancelled before its
/// placement was handled is marked so that it is never reserved.
/// </summary>
public sealed class ReleaseStockForOrder(ProductsDbContext db, StockReservations stock, ILogger<ReleaseStockForOrder> logger)
    : IIntegrationEventHandler<OrderCancelled>
{
    public async Task HandleAsync(OrderCancelled order, CancellationToken cancellationToken)
    {
        // The row lock serialises this with a concurrent placement of the same order on another replica.
        var reservation = await db.OrderReservations
            .FromSql($"SELECT * FROM order_reservations WHERE order_id = {order.OrderId} FOR UPDATE")
            .SingleOrDefaultAsync(cancellationToken);
        var now = DateTimeOffset.UtcNow;
        if (reservation is null)
        {
            db.OrderReservations.Add(new OrderReservation { OrderId = order.OrderId, Status = OrderReservationStatus.CancelledBeforePlacement, UpdatedAt = now });
            return;
        }
        if (reservation.Status != OrderReservationStatus.Reserved)
        {
            logger.LogInformation("Order {OrderId} is {Status}; nothing to release.", order.OrderId, reservation.Status);
            return;
        }

        await stock.ReleaseAsync(JsonSerializer.Deserialize<List<StockLine>>(reservation.Lines) ?? [], cancellationToken);
        reservation.Status = OrderReservationStatus.Released;
        reservation.UpdatedAt = now;
    }
}
