using Platform.Products.Data;

namespace Platform.Products.Catalog;

/// <summary>The body of <c>POST</c> and <c>PUT /api/products</c>; every field is nullable so a missing one is reported by name.</summary>
public sealed record ProductRequest(string? Name, string? Description, decimal? Price, string? Category, int? Stock)
{
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > ProductRules.NameMaxLength)
        {
            errors["name"] = [$"The name is required and must be 1 to {ProductRules.NameMaxLength} characters."];
        }
        if (Description?.Length > ProductRules.DescriptionMaxLength)
        {
            errors["description"] = [$"The description must be at most {ProductRules.DescriptionMaxLength} characters."];
        }
        if (Price is not { } price || price <= 0 || price > ProductRules.MaxPrice || decimal.Round(price, 2) != price)
        {
            errors["price"] = [$"The price is required, greater than 0, at most {ProductRules.MaxPrice:0}, with at most 2 decimals."];
        }
        if (string.IsNullOrWhiteSpace(Category) || Category.Trim().Length > ProductRules.CategoryMaxLength)
        {
            errors["category"] = [$"The category is required and must be 1 to {ProductRules.CategoryMaxLength} characters."];
        }
        if (Stock is not >= 0)
        {
            errors["stock"] = ["The stock is required and must not be negative."];
        }
        return errors;
    }

    /// <summary>Copies the validated fields onto <paramref name="product"/>.</summary>
    public void ApplyTo(Product product, DateTimeOffset now)
    {
        product.Name = Name!.Trim();
        product.Description = Description?.Trim() ?? "";
        product.Price = Price!.Value;
        product.Category = Category!.Trim();
        product.Stock = Stock!.Value;
        product.UpdatedAt = now;
    }
}

public sealed record StockRequest(IReadOnlyList<StockLineRequest>? Lines)
{
    public const int MaxLines = 100;
    public const int MaxQuantity = 1_000_000;

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (Lines is not { Count: > 0 and <= MaxLines })
        {
            errors["lines"] = [$"Between 1 and {MaxLines} lines are required."];
        }
        else if (Lines.Any(l => l is null || l.ProductId is null || l.Quantity is not (> 0 and <= MaxQuantity)))
        {
            errors["lines"] = [$"Every line needs a productId and a quantity from 1 to {MaxQuantity}."];
        }
        return errors;
    }

    public IEnumerable<StockLine> ToStockLines() => Lines!.Select(l => new StockLine(l.ProductId!.Value, l.Quantity!.Value));
}

public sealed record StockLineRequest(Guid? ProductId, int? Quantity);
