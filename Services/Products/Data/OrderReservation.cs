namespace Platform.Products.Data;

/// <summary>
/// What the catalog did for one order, so each saga step happens once whatever order its events arrive in:
/// stock is released only if it was reserved, and an order cancelled before it was seen is never reserved.
/// </summary>
public sealed class OrderReservation
{
    public Guid OrderId { get; set; }
    public OrderReservationStatus Status { get; set; }

    /// <summary>The lines reserved, as JSON; what a release puts back, whatever the cancellation says.</summary>
    public string Lines { get; set; } = "[]";

    public DateTimeOffset UpdatedAt { get; set; }
}

public enum OrderReservationStatus
{
    Reserved,
    Rejected,
    Released,

    /// <summary>The order was cancelled before its placement was handled; it will not be reserved.</summary>
    CancelledBeforePlacement,
}
