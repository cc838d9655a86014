using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Platform.Orders.Data;

/// <summary>
/// Lets dotnet-ef create the context, which it cannot do through the app's host: the host needs the connection strings
/// the AppHost gives at run time. `migrations add` never connects, so the connection string is a placeholder
/// (`database update` needs `--connection`).
/// </summary>
internal sealed class OrdersDbContextFactory : IDesignTimeDbContextFactory<OrdersDbContext>
{
    public OrdersDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<OrdersDbContext>().UseNpgsql("Host=localhost;Database=ordersdb").Options);
}
