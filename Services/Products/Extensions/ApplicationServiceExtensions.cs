using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.Contracts;
using Platform.EventBus;
using Platform.Products.Catalog;
using Platform.Products.Data;
using Platform.Products.Events;

namespace Platform.Products.Extensions;

public static class ApplicationServiceExtensions
{
    /// <summary>A product body is a few KB at most; anything far bigger is refused before it is read.</summary>
    private const long MaxRequestBodyBytes = 64 * 1024;

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPostgresDbContext<ProductsDbContext>("productsdb");
        builder.AddRedisClient("cache");
        // The catalog is served from PostgreSQL when Redis is down: a lost cache makes the service Degraded, not Unhealthy.
        builder.SetHealthCheckFailureStatus("StackExchange.Redis", HealthStatus.Degraded); // Aspire.StackExchange.Redis names its check so
        builder.AddRabbitMQConnection("messaging");
        builder.AddRabbitMQEventBus("messaging", "products")
            .UseDbContext<ProductsDbContext>()
            .AddEventHandler<OrderPlaced, ReserveStockForOrder>()
            .AddEventHandler<OrderCancelled, ReleaseStockForOrder>();
        builder.AddJwtAuthentication();

        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(kestrel =>
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        builder.Services.AddOpenApi();
        builder.Services.AddSingleton<CatalogCache>();
        builder.Services.AddSingleton<CatalogCacheInvalidation>();
        builder.Services.ConfigureDbContext<ProductsDbContext>((services, options) =>
            options.AddInterceptors(services.GetRequiredService<CatalogCacheInvalidation>()));
        builder.Services.AddScoped<ProductCatalog>();
        builder.Services.AddScoped<StockReservations>();
        return builder;
    }
}
