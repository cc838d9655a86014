namespace Platform.Orders.Carts;

/// <summary>What a cart holds per product: only the id and the quantity; names and prices come from products when read.</summary>
public sealed record CartLine(Guid ProductId, int Quantity);

public static class CartRules
{
    public const int MaxQuantity = 99;
    public const int MaxLines = 50;

    /// <summary>A cart not read or written for this long is dropped by Redis.</summary>
    public static readonly TimeSpan Expiry = TimeSpan.FromDays(30);
}
