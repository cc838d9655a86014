using System.Collections.ObjectModel;
using Platform.Orders.Catalog;

namespace Platform.Orders.Carts;

public sealed record CartItemResponse(
    Guid ProductId, string Name, decimal UnitPrice, int Quantity, decimal LineTotal, string ImageUrl, bool Available);

/// <summary>The cart as shown: every line with the product's current name and price; the total counts available lines.</summary>
public sealed record CartResponse(IReadOnlyList<CartItemResponse> Items, decimal Total)
{
    public static CartResponse Empty { get; } = new([], 0m);
}

/// <summary>Fills the cart's lines in from the products service.</summary>
public sealed class CartView(ProductsClient products)
{
    public const string GoneProductName = "No longer available";

    public Task<CartResponse> RenderAsync(IReadOnlyList<CartLine> lines, CancellationToken cancellationToken) =>
        RenderAsync(lines, ReadOnlyDictionary<Guid, ProductInfo>.Empty, cancellationToken);

    /// <summary>Renders the cart, asking the products service only for the lines whose product is not in <paramref name="known"/>.</summary>
    public async Task<CartResponse> RenderAsync(
        IReadOnlyList<CartLine> lines, IReadOnlyDictionary<Guid, ProductInfo> known, CancellationToken cancellationToken)
    {
        if (lines.Count == 0)
        {
            return CartResponse.Empty;
        }
        var asked = await products.FindManyAsync(lines.Select(l => l.ProductId).Where(id => !known.ContainsKey(id)), cancellationToken);
        var found = known.Concat(asked).ToDictionary();
        var items = lines.Select(line => found.TryGetValue(line.ProductId, out var product)
                ? new CartItemResponse(line.ProductId, product.Name, product.Price, line.Quantity, product.Price * line.Quantity,
                    product.ImageUrl, product.Stock >= line.Quantity)
                : new CartItemResponse(line.ProductId, GoneProductName, 0m, line.Quantity, 0m, $"/api/products/{line.ProductId}/image", false))
            .ToList();
        return new CartResponse(items, items.Where(i => i.Available).Sum(i => i.LineTotal));
    }
}
