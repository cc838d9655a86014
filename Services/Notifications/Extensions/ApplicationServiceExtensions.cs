using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Contracts;
using Platform.EventBus;
using Platform.Notifications.Data;
using Platform.Notifications.Diagnostics;
using Platform.Notifications.Email;
using Platform.Notifications.Events;
using Platform.Notifications.Live;

namespace Platform.Notifications.Extensions;

public static class ApplicationServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPostgresDbContext<NotificationsDbContext>("notificationsdb");
        builder.AddRabbitMQConnection("messaging");
        builder.AddRabbitMQEventBus("messaging", "notifications")
            .UseDbContext<NotificationsDbContext>()
            .AddEventHandler<UserRegistered, RememberRecipientAndWelcome>()
            .AddEventHandler<UserUpdated, UpdateRecipient>()
            .AddEventHandler<UserDeleted, ForgetRecipient>()
            .AddEventHandler<OrderConfirmed, NotifyOrderConfirmed>()
            .AddEventHandler<OrderCancelled, NotifyOrderCancelled>();
        builder.AddJwtAuthentication();

        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton<NotificationsMetrics>();
        services.AddScoped<NotificationWriter>();

        services.AddOptions<EmailOptions>().Bind(builder.Configuration.GetSection(EmailOptions.SectionName));
        services.AddSingleton<EmailSender>();
        services.AddSingleton<EmailComposer>();
        services.AddSingleton<EmailDispatchSignal>();
        services.AddHostedService<EmailDispatcher>();

        services.AddSingleton<NotificationSignals>();
        services.AddSingleton<NotificationListener>();
        services.AddHostedService(provider => provider.GetRequiredService<NotificationListener>());
        services.AddHealthChecks().AddCheck<NotificationListenerHealthCheck>("notifications-listener", tags: ["ready"]);

        services.AddOpenApi();
        return builder;
    }
}
