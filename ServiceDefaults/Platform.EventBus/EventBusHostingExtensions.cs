using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Platform.EventBus;

public static class EventBusHostingExtensions
{
    /// <summary>
    /// Adds the RabbitMQ event bus for service <paramref name="serviceName"/>, which names its queues and inbox
    /// entries. It uses the host's <see cref="RabbitMQ.Client.IConnection"/> (keyed <paramref name="connectionName"/>,
    /// or the single unkeyed one), which the RabbitMQ client integration registers: call
    /// <c>builder.AddRabbitMQConnection("messaging")</c> (service defaults) or Aspire's <c>AddRabbitMQClient</c> too.
    /// Settings bind from section <c>EventBus</c>.
    /// </summary>
    public static EventBusBuilder AddRabbitMQEventBus(this IHostApplicationBuilder builder, string connectionName, string serviceName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);
        var services = builder.Services;
        services.AddOptions<EventBusOptions>()
            .Bind(builder.Configuration.GetSection(EventBusOptions.SectionName))
            .Configure(options => options.ServiceName = serviceName);

        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider => new BrokerConnection(provider, connectionName));
        services.AddSingleton<EventHandlerRegistry>();
        services.AddSingleton<EventBusMetrics>();
        services.AddSingleton<OutboxBacklog>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<FailedDeliveryRouter>();
        services.AddSingleton<EventConsumer>();
        services.AddHostedService(provider => provider.GetRequiredService<EventConsumer>());
        services.AddHealthChecks().AddCheck<EventBusHealthCheck>("eventbus", tags: ["ready"]);
        return new EventBusBuilder(services);
    }
}
