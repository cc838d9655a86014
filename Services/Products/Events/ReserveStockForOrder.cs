using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.EventBus;
using Platform.Products.Catalog;
using Platform.Products.Data;

namespace Platform.Products.Events;

/// <summary>
/// The catalog's step of the order saga: every line of a placed order is reserved (<see cref="StockReserved"/>)
/// or none is (<see cref="StockRejected"/>). Runs in the event bus's transaction, so the stock, the reservation
/// record and the answer commit together.
/// </summary>
public sealed class ReserveStockForOrder(ProductsDbContext db, StockReservations stock, IEventBus events, ILogger<ReserveStockForOrder> logger)
    : IIntegrationEventHandler<OrderPlaced>
{
    public async Task HandleAsync(OrderPlaced order, CancellationToken cancellationToken)
    {
        if (await db.OrderReservations.AsNoTracking().FirstOrDefaultAsync(r => r.OrderId == order.OrderId, cancellationToken) is { } earlier)
        {
            logger.LogInformation("Order {OrderId} was already {Status}; nothing to reserve.", order.OrderId, earlier.Status);
            return;
        }

        var lines = order.Lines.Select(l => new StockLine(l.ProductId, l.Quantity)).ToList();
        var reservation = await stock.ReserveAsync(lines, cancellationToken);
        // A concurrent cancellation inserting its record first makes this insert fail and the whole step roll
        // back; the retry then finds that record above.
        db.OrderReservations.Add(new OrderReservation
        {
            OrderId = order.OrderId,
            Status = reservation.Reserved ? OrderReservationStatus.Reserved : OrderReservationStatus.Rejected,
            Lines = reservation.Reserved ? JsonSerializer.Serialize(lines) : "[]",
            UpdatedAt = DateTimeOffset.UtcNow,
        });

        if (reservation.Reserved)
        {
            await events.PublishAsync(new StockReserved(order.OrderId, order.Lines), cancellationToken);
            return;
        }
        var names = await db.Products.Where(p => reservation.UnavailableProductIds.Contains(p.Id)).Select(p => p.Name).ToListAsync(cancellationToken);
        var reason = names.Count > 0 ? $"Not enough stock for: {string.Join(", ", names)}" : "The products are no longer sold.";
        await events.PublishAsync(new StockRejected(order.OrderId, reservation.UnavailableProductIds, reason), cancellationToken);
    }
}
