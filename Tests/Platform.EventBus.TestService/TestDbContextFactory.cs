using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Platform.EventBus.Testing;

namespace Platform.EventBus.TestService;

/// <summary>
/// Lets dotnet-ef create the context, which it cannot do through the app's host: the host connects to RabbitMQ
/// before it is built. `migrations add` never connects, so the connection string is a placeholder.
/// </summary>
internal sealed class TestDbContextFactory : IDesignTimeDbContextFactory<TestDbContext>
{
    public TestDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TestDbContext>();
        TestDbContext.Configure(options, "Host=localhost;Database=appdb");
        return new TestDbContext(options.Options);
    }
}
