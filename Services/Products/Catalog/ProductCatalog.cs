using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Products.Data;

namespace Platform.Products.Catalog;

/// <summary>
/// Catalog reads: from Redis when cached, else from PostgreSQL. The endpoints answer the JSON as it was cached,
/// without reading it back into objects.
/// </summary>
public sealed class ProductCatalog(ProductsDbContext db, CatalogCache cache)
{
    /// <summary>The product's <see cref="ProductItem"/> JSON, or null if there is none with that id.</summary>
    public Task<ReadOnlyMemory<byte>?> FindJsonAsync(Guid id, CancellationToken cancellationToken) =>
        cache.GetOrLoadJsonAsync($"product:{id}", async () =>
            await db.Products.AsNoTracking().Where(p => p.Id == id).Select(p => ProductItem.From(p)).SingleOrDefaultAsync(cancellationToken));

    public async Task<ProductItem?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await FindJsonAsync(id, cancellationToken) is { } json ? JsonSerializer.Deserialize<ProductItem>(json.Span, CatalogCache.Json) : null;

    /// <summary>The <see cref="ProductPage"/> JSON of the search.</summary>
    public async Task<ReadOnlyMemory<byte>> SearchJsonAsync(ProductSearch search, CancellationToken cancellationToken) =>
        (await cache.GetOrLoadJsonAsync(search.CacheKey, async () =>
        {
            var products = Filter(db.Products.AsNoTracking(), search);
            var total = await products.CountAsync(cancellationToken);
            var items = await Sort(products, search.Sort)
                .Skip((int)Math.Min((long)(search.Page - 1) * search.PageSize, int.MaxValue))
                .Take(search.PageSize)
                .Select(p => ProductItem.From(p))
                .ToListAsync(cancellationToken);
            return new ProductPage(items, search.Page, search.PageSize, total);
        }))!.Value;

    /// <summary>The JSON list of every <see cref="CategorySummary"/>.</summary>
    public async Task<ReadOnlyMemory<byte>> CategoriesJsonAsync(CancellationToken cancellationToken) =>
        (await cache.GetOrLoadJsonAsync("categories", async () =>
        {
            var counts = await db.Products.AsNoTracking()
                .GroupBy(p => p.Category)
                .Select(g => new { Name = g.Key, Count = g.Count() })
                .OrderBy(c => c.Name)
                .ToListAsync(cancellationToken);
            return counts.Select(c => new CategorySummary(c.Name, c.Count)).ToList();
        }))!.Value;

    private static IQueryable<Product> Filter(IQueryable<Product> products, ProductSearch search)
    {
        if (search.Search is { } text)
        {
            // A parameter, and LIKE's wildcards escaped: the text is matched literally, whatever it contains.
            var pattern = $"%{EscapeLike(text)}%";
            products = products.Where(p => EF.Functions.ILike(p.Name, pattern, @"\") || EF.Functions.ILike(p.Description, pattern, @"\"));
        }
        if (search.Category is { } category)
        {
            products = products.Where(p => p.Category.ToLower() == category.ToLower());
        }
        if (search.MinPrice is { } min)
        {
            products = products.Where(p => p.Price >= min);
        }
        if (search.MaxPrice is { } max)
        {
            products = products.Where(p => p.Price <= max);
        }
        return products;
    }

    private static IQueryable<Product> Sort(IQueryable<Product> products, string sort) => sort switch
    {
        ProductSort.NameDescending => products.OrderByDescending(p => p.Name).ThenBy(p => p.Id),
        ProductSort.Price => products.OrderBy(p => p.Price).ThenBy(p => p.Id),
        ProductSort.PriceDescending => products.OrderByDescending(p => p.Price).ThenBy(p => p.Id),
        ProductSort.Newest => products.OrderByDescending(p => p.CreatedAt).ThenBy(p => p.Id),
        _ => products.OrderBy(p => p.Name).ThenBy(p => p.Id),
    };

    private static string EscapeLike(string text) =>
        text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");
}
