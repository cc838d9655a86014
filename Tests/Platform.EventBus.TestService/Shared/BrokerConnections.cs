using RabbitMQ.Client;

namespace Platform.EventBus.Testing;

/// <summary>
/// Opens a recovering RabbitMQ connection from an <c>amqp://</c> connection string: what the RabbitMQ client
/// integration of ServiceDefaults (<c>AddRabbitMQConnection</c>) registers in a real service.
/// </summary>
public static class BrokerConnections
{
    public static Task<IConnection> OpenAsync(string connectionString, string clientName, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory
        {
            Uri = new Uri(connectionString),
            ClientProvidedName = clientName,
            AutomaticRecoveryEnabled = true,
            TopologyRecoveryEnabled = true,
            NetworkRecoveryInterval = TimeSpan.FromSeconds(1),
        };
        return factory.CreateConnectionAsync(cancellationToken);
    }
}
