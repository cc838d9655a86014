using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Contracts;
using Platform.EventBus;
using Platform.Orders.Carts;
using Platform.Orders.Catalog;
using Platform.Orders.Data;
using Platform.Orders.Events;
using Platform.Orders.Ordering;
using Platform.Orders.Payments;

namespace Platform.Orders.Extensions;

public static class ApplicationServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPostgresDbContext<OrdersDbContext>("ordersdb");
        builder.AddRedisClient("cache");
        builder.AddRabbitMQConnection("messaging");
        builder.AddRabbitMQEventBus("messaging", "orders")
            .UseDbContext<OrdersDbContext>()
            .AddEventHandler<StockReserved, ConfirmOrder>()
            .AddEventHandler<StockRejected, CancelOrder>();
        builder.AddJwtAuthentication();

        builder.Services.AddHttpClient<ProductsClient>(http => http.BaseAddress = new Uri(ProductsClient.BaseAddress));
        builder.Services.AddOptions<OrdersOptions>().Bind(builder.Configuration.GetSection(OrdersOptions.SectionName));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<OrderMetrics>();
        builder.Services.AddSingleton<CartStore>();
        builder.Services.AddScoped<CartView>();
        builder.Services.AddScoped<OrderStatusChanges>();
        builder.Services.AddSingleton<IPaymentProvider, SimulatedPaymentProvider>();
        builder.Services.AddHostedService<PendingOrderDeadline>();
        builder.Services.AddOpenApi();
        return builder;
    }
}
