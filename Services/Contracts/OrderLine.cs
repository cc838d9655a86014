namespace Platform.Contracts;

/// <summary>One product of an order, at the price it was ordered at.</summary>
public sealed record OrderLine(Guid ProductId, int Quantity, decimal UnitPrice);
