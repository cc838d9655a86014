using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Platform.Products.Data;

namespace Platform.Products.Catalog;

public sealed record StockLine(Guid ProductId, int Quantity);

public sealed record StockReservation(bool Reserved, IReadOnlyList<Guid> UnavailableProductIds);

/// <summary>
/// Takes stock off the shelf for several products at once, all or nothing, and puts it back. Each line is a
/// conditional <c>UPDATE … SET stock = stock - q WHERE id = @id AND stock &gt;= q</c>, so concurrent reservations
/// never oversell and the CHECK constraint never fires.
/// </summary>
public sealed class StockReservations(ProductsDbContext db)
{
    private const string Savepoint = "stock_reservation";

    /// <summary>
    /// Reserves every line or none. Inside the caller's transaction (an event handler's) it works under a savepoint;
    /// otherwise it commits its own. The catalog cache is invalidated when the change commits.
    /// </summary>
    public async Task<StockReservation> ReserveAsync(IEnumerable<StockLine> lines, CancellationToken cancellationToken)
    {
        var merged = Merge(lines);
        if (db.Database.CurrentTransaction is { } ambient)
        {
            return await ReserveAsync(ambient, merged, cancellationToken);
        }
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            var result = await ReserveAsync(transaction, merged, token);
            await transaction.CommitAsync(token);
            return result;
        }, cancellationToken);
    }

    /// <summary>Puts reserved stock back (an order was cancelled). Lines of products deleted since are skipped.</summary>
    public async Task ReleaseAsync(IEnumerable<StockLine> lines, CancellationToken cancellationToken)
    {
        var merged = Merge(lines);
        var now = DateTimeOffset.UtcNow;
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(token) : null;
            await using (transaction)
            {
                foreach (var line in merged)
                {
                    await db.Products.Where(p => p.Id == line.ProductId)
                        .ExecuteUpdateAsync(s => s.SetProperty(p => p.Stock, p => p.Stock + line.Quantity).SetProperty(p => p.UpdatedAt, now), token);
                }
                db.CatalogChanged = true;
                if (transaction is not null)
                {
                    await transaction.CommitAsync(token);
                }
            }
        }, cancellationToken);
    }

    private async Task<StockReservation> ReserveAsync(IDbContextTransaction transaction, IReadOnlyList<StockLine> lines, CancellationToken cancellationToken)
    {
        await transaction.CreateSavepointAsync(Savepoint, cancellationToken);
        var unavailable = new List<Guid>();
        var now = DateTimeOffset.UtcNow;
        foreach (var line in lines)
        {
            var updated = await db.Products
                .Where(p => p.Id == line.ProductId && p.Stock >= line.Quantity)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Stock, p => p.Stock - line.Quantity).SetProperty(p => p.UpdatedAt, now), cancellationToken);
            if (updated == 0)
            {
                unavailable.Add(line.ProductId);
            }
        }
        if (unavailable.Count > 0)
        {
            await transaction.RollbackToSavepointAsync(Savepoint, cancellationToken);
            return new StockReservation(false, unavailable);
        }
        await transaction.ReleaseSavepointAsync(Savepoint, cancellationToken);
        db.CatalogChanged = true;
        return new StockReservation(true, []);
    }

    /// <summary>One line per product, in id order, so concurrent reservations lock rows in the same order and cannot deadlock.</summary>
    private static List<StockLine> Merge(IEnumerable<StockLine> lines) =>
        lines.GroupBy(l => l.ProductId)
            .Select(g => new StockLine(g.Key, g.Sum(l => l.Quantity)))
            .OrderBy(l => l.ProductId)
            .ToList();
}
