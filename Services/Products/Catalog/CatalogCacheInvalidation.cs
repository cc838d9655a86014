using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Platform.Products.Data;

namespace Platform.Products.Catalog;

/// <summary>
/// Invalidates the catalog cache once a transaction that changed stock has committed. Event handlers run inside
/// the event bus's transaction and cannot see its commit; invalidating earlier would let a concurrent read cache
/// the old stock under the new version.
/// </summary>
public sealed class CatalogCacheInvalidation(CatalogCache cache) : DbTransactionInterceptor
{
    public override async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is ProductsDbContext { CatalogChanged: true } db)
        {
            db.CatalogChanged = false;
            await cache.InvalidateAsync();
        }
    }
}
