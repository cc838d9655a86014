namespace Platform.Orders.Data;

/// <summary>Where an order goes; stored in the order's own row.</summary>
public sealed record ShippingAddress(string Name, string Line1, string? Line2, string City, string PostalCode, string Country);
