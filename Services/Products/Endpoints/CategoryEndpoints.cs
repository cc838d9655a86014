using Platform.Products.Catalog;

namespace Platform.Products.Endpoints;

public static class CategoryEndpoints
{
    public static IEndpointRouteBuilder MapCategoryEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/categories", async (ProductCatalog catalog, CancellationToken cancellationToken) =>
                CatalogJson.Ok(await catalog.CategoriesJsonAsync(cancellationToken)))
            .Produces<IReadOnlyList<CategorySummary>>()
            .WithTags("Categories")
            .WithDescription("Every category with its number of products.");
        return app;
    }
}
