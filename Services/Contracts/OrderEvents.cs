namespace Platform.Contracts;

[EventName("order-placed")]
public sealed record OrderPlaced(Guid OrderId, Guid UserId, IReadOnlyList<OrderLine> Lines, decimal Total) : IntegrationEvent;

[EventName("order-confirmed")]
public sealed record OrderConfirmed(Guid OrderId, Guid UserId, decimal Total) : IntegrationEvent;

/// <summary>The order will not be fulfilled; <see cref="Lines"/> lets the catalogue release what it reserved.</summary>
[EventName("order-cancelled")]
public sealed record OrderCancelled(Guid OrderId, Guid UserId, IReadOnlyList<OrderLine> Lines, string Reason) : IntegrationEvent;
