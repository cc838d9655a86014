using Platform.Orders.Data;

namespace Platform.Orders.Ordering;

public sealed record OrderResponse(
    Guid Id, Guid UserId, OrderStatus Status, DateTimeOffset CreatedAt, IReadOnlyList<OrderLineResponse> Lines, decimal Total,
    ShippingAddress ShippingAddress, PaymentSummary Payment, IReadOnlyList<StatusChangeResponse> History)
{
    public static OrderResponse From(Order order) => new(
        order.Id, order.UserId, order.Status, order.CreatedAt,
        order.Items.OrderBy(i => i.LineNumber).Select(i => new OrderLineResponse(i.ProductId, i.Name, i.Quantity, i.UnitPrice, i.LineTotal)).ToList(),
        order.Total, order.ShippingAddress, new PaymentSummary(order.CardBrand, order.CardLast4),
        order.History.OrderBy(h => h.Id).Select(h => new StatusChangeResponse(h.Status, h.At, h.Reason)).ToList());
}

public sealed record OrderLineResponse(Guid ProductId, string Name, int Quantity, decimal UnitPrice, decimal LineTotal);

public sealed record PaymentSummary(string Brand, string Last4);

public sealed record StatusChangeResponse(OrderStatus Status, DateTimeOffset At, string? Reason);

public sealed record OrderPage(IReadOnlyList<OrderResponse> Items, int Page, int PageSize, int Total);
