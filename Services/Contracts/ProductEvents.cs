namespace Platform.Contracts;

[EventName("product-price-changed")]
public sealed record ProductPriceChanged(Guid ProductId, decimal OldPrice, decimal NewPrice) : IntegrationEvent;

/// <summary>Every line of the order is reserved: stock was taken off the shelf for it.</summary>
[EventName("stock-reserved")]
public sealed record StockReserved(Guid OrderId, IReadOnlyList<OrderLine> Lines) : IntegrationEvent;

/// <summary>Nothing was reserved because at least one product was short.</summary>
[EventName("stock-rejected")]
public sealed record StockRejected(Guid OrderId, IReadOnlyList<Guid> UnavailableProductIds, string Reason) : IntegrationEvent;
