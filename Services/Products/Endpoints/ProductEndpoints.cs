using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.EventBus;
using Platform.Products.Catalog;
using Platform.Products.Data;
using Platform.ServiceDefaults.Authentication;

namespace Platform.Products.Endpoints;

public static class ProductEndpoints
{
    public static IEndpointRouteBuilder MapProductEndpoints(this IEndpointRouteBuilder app)
    {
        var products = app.MapGroup("/api/products").WithTags("Products");
        products.MapGet("/", ListProducts)
            .Produces<ProductPage>()
            .WithDescription($"Search, filter, sort ({string.Join(", ", ProductSort.All)}; default {ProductSort.Default}) and page the catalog.");
        products.MapGet("/{id:guid}", GetProduct).Produces<ProductItem>();
        products.MapGet("/{id:guid}/image", GetProductImage);

        var admin = products.MapGroup("/").RequireAuthorization(PlatformJwt.AdminPolicy);
        admin.MapPost("/", CreateProduct);
        admin.MapPut("/{id:guid}", UpdateProduct);
        admin.MapDelete("/{id:guid}", DeleteProduct);
        return app;
    }

    private static async Task<Results<Utf8ContentHttpResult, ValidationProblem>> ListProducts(
        [AsParameters] ProductListQuery query, ProductCatalog catalog, CancellationToken cancellationToken)
    {
        if (query.Validate(out var errors) is not { } search)
        {
            return TypedResults.ValidationProblem(errors);
        }
        return CatalogJson.Ok(await catalog.SearchJsonAsync(search, cancellationToken));
    }

    private static async Task<Results<Utf8ContentHttpResult, ProblemHttpResult>> GetProduct(
        Guid id, ProductCatalog catalog, CancellationToken cancellationToken) =>
        await catalog.FindJsonAsync(id, cancellationToken) is { } product ? CatalogJson.Ok(product) : NotFound(id);

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetProductImage(
        Guid id, ProductCatalog catalog, HttpResponse response, CancellationToken cancellationToken)
    {
        if (await catalog.FindAsync(id, cancellationToken) is not { } product)
        {
            return NotFound(id);
        }
        response.Headers.CacheControl = "public, max-age=300";
        return TypedResults.Text(ProductImage.Render(product), ProductImage.ContentType);
    }

    private static async Task<Results<Created<ProductItem>, ValidationProblem>> CreateProduct(
        ProductRequest request, ProductsDbContext db, CatalogCache cache, CancellationToken cancellationToken)
    {
        if (request.Validate() is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var now = DateTimeOffset.UtcNow;
        var product = new Product { Id = Guid.CreateVersion7(), Name = "", Category = "", CreatedAt = now };
        request.ApplyTo(product, now);
        db.Products.Add(product);
        await db.SaveChangesAsync(cancellationToken);
        await cache.InvalidateAsync();
        return TypedResults.Created($"/api/products/{product.Id}", ProductItem.From(product));
    }

    private static async Task<Results<Ok<ProductItem>, ValidationProblem, ProblemHttpResult>> UpdateProduct(
        Guid id, ProductRequest request, ProductsDbContext db, IEventBus eventBus, CatalogCache cache, CancellationToken cancellationToken)
    {
        if (request.Validate() is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (await db.Products.SingleOrDefaultAsync(p => p.Id == id, cancellationToken) is not { } product)
        {
            return NotFound(id);
        }
        var oldPrice = product.Price;
        request.ApplyTo(product, DateTimeOffset.UtcNow);
        if (product.Price != oldPrice)
        {
            // Written to the outbox by the SaveChanges below, in the same transaction as the new price.
            await eventBus.PublishAsync(new ProductPriceChanged(product.Id, oldPrice, product.Price), cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        await cache.InvalidateAsync();
        return TypedResults.Ok(ProductItem.From(product));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteProduct(
        Guid id, ProductsDbContext db, CatalogCache cache, CancellationToken cancellationToken)
    {
        if (await db.Products.Where(p => p.Id == id).ExecuteDeleteAsync(cancellationToken) == 0)
        {
            return NotFound(id);
        }
        await cache.InvalidateAsync();
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Product not found", detail: $"There is no product with id {id}.");
}
