namespace Platform.Orders.Data;

/// <summary>An order starts Pending and ends Confirmed or Cancelled; no other change is allowed.</summary>
public enum OrderStatus
{
    Pending,
    Confirmed,
    Cancelled,
}
