using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Platform.Products.Data;

/// <summary>
/// Lets dotnet-ef create the context, which it cannot do through the app's host: the host needs the connection strings
/// the AppHost gives at run time. `migrations add` never connects, so the connection string is a placeholder
/// (`database update` needs `--connection`).
/// </summary>
internal sealed class ProductsDbContextFactory : IDesignTimeDbContextFactory<ProductsDbContext>
{
    public ProductsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ProductsDbContext>().UseNpgsql("Host=localhost;Database=productsdb").Options);
}
