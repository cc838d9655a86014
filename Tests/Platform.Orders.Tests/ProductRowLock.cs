using Npgsql;

namespace Platform.Orders.Tests;

/// <summary>
/// Holds a product's row locked in the products database, so products' reservation for an order waits until
/// the lock is released: a test can act on an order while it is certainly still Pending. Reads of the product
/// (the checkout's stock check) do not wait. A stock change made under the lock lands when it is released.
/// </summary>
internal sealed class ProductRowLock : IAsyncDisposable
{
    private readonly NpgsqlConnection connection;
    private readonly NpgsqlTransaction transaction;

    private ProductRowLock(NpgsqlConnection connection, NpgsqlTransaction transaction) => (this.connection, this.transaction) = (connection, transaction);

    public static async Task<ProductRowLock> TakeAsync(string productsDatabase, Guid productId, int? newStock = null)
    {
        var cancellation = TestContext.Current.CancellationToken;
        var connection = new NpgsqlConnection(productsDatabase);
        await connection.OpenAsync(cancellation);
        var transaction = await connection.BeginTransactionAsync(cancellation);
        await using var command = new NpgsqlCommand(
            newStock is null ? "SELECT id FROM products WHERE id = @id FOR UPDATE" : "UPDATE products SET stock = @stock WHERE id = @id",
            connection, transaction);
        command.Parameters.AddWithValue("id", productId);
        command.Parameters.AddWithValue("stock", newStock ?? 0);
        await command.ExecuteNonQueryAsync(cancellation);
        return new ProductRowLock(connection, transaction);
    }

    /// <summary>Commits whatever changed under the lock and lets the reservation go on.</summary>
    public async ValueTask DisposeAsync()
    {
        await transaction.CommitAsync();
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }
}
