using Platform.Products.Data;

namespace Platform.Products.Catalog;

public sealed record ProductItem(Guid Id, string Name, string Description, decimal Price, string Category, int Stock, string ImageUrl)
{
    public static ProductItem From(Product product) => new(
        product.Id, product.Name, product.Description, product.Price, product.Category, product.Stock, ImageUrlOf(product.Id));

    /// <summary>Relative, so it resolves against whichever host served the product: the gateway or the service.</summary>
    public static string ImageUrlOf(Guid id) => $"/api/products/{id}/image";
}

public sealed record ProductPage(IReadOnlyList<ProductItem> Items, int Page, int PageSize, int Total);

public sealed record CategorySummary(string Name, int ProductCount);
