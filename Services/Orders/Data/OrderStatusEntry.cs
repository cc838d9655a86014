namespace Platform.Orders.Data;

/// <summary>One row of an order's history: the status it entered, when, and why.</summary>
public sealed class OrderStatusEntry
{
    public long Id { get; set; }
    public Guid OrderId { get; set; }
    public OrderStatus Status { get; set; }
    public DateTimeOffset At { get; set; }
    public string? Reason { get; set; }
}
