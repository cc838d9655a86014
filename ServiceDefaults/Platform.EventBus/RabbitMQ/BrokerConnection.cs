using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;

namespace Platform.EventBus;

/// <summary>
/// The host's RabbitMQ connection, registered by the RabbitMQ client integration (Aspire's <c>AddRabbitMQClient</c>,
/// or <c>AddRabbitMQConnection</c> of the service defaults): keyed by the connection name when it is keyed,
/// otherwise the one <see cref="IConnection"/> singleton.
/// </summary>
internal sealed class BrokerConnection(IServiceProvider services, string connectionName)
{
    private IConnection? _connection;

    public IConnection Connection => _connection ??=
        services.GetKeyedService<IConnection>(connectionName)
        ?? services.GetService<IConnection>()
        ?? throw new InvalidOperationException(
            $"The event bus needs a RabbitMQ.Client.IConnection service: register it first, e.g. builder.AddRabbitMQConnection(\"{connectionName}\").");
}
