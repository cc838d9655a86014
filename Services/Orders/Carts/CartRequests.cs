namespace Platform.Orders.Carts;

/// <summary>The body of <c>PUT /api/cart</c>. A product may appear once: duplicates are refused, not merged.</summary>
public sealed record ReplaceCartRequest(IReadOnlyList<CartItemRequest?>? Items)
{
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (Items is null)
        {
            errors["items"] = ["The items are required (an empty list empties the cart)."];
            return errors;
        }
        if (Items.Count > CartRules.MaxLines)
        {
            errors["items"] = [$"A cart holds at most {CartRules.MaxLines} different products."];
        }
        var seen = new HashSet<Guid>();
        for (var i = 0; i < Items.Count; i++)
        {
            var item = Items[i];
            if (item?.ProductId is not { } productId || productId == Guid.Empty)
            {
                errors[$"items[{i}].productId"] = ["The product id is required."];
            }
            else if (!seen.Add(productId))
            {
                errors[$"items[{i}].productId"] = ["The product appears more than once; give each product one line."];
            }
            if (item?.Quantity is not (>= 1 and <= CartRules.MaxQuantity))
            {
                errors[$"items[{i}].quantity"] = [$"The quantity must be from 1 to {CartRules.MaxQuantity}."];
            }
        }
        return errors;
    }

    public IReadOnlyList<CartLine> ToLines() => Items!.Select(i => new CartLine(i!.ProductId!.Value, i.Quantity!.Value)).ToList();
}

public sealed record CartItemRequest(Guid? ProductId, int? Quantity);

/// <summary>The body of <c>PUT /api/cart/items/{productId}</c>; quantity 0 removes the line.</summary>
public sealed record SetCartItemRequest(int? Quantity)
{
    public Dictionary<string, string[]> Validate() =>
        Quantity is >= 0 and <= CartRules.MaxQuantity
            ? []
            : new() { ["quantity"] = [$"The quantity must be from 0 (remove) to {CartRules.MaxQuantity}."] };
}
