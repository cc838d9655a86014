using System.Reflection;
using System.Text.Json;
using Platform.Contracts;
using RabbitMQ.Client;

namespace Platform.Testing;

/// <summary>
/// Publishes integration events to the broker the way a service's outbox relay does (exchange
/// <c>platform.events</c>, routing key and <c>type</c> = the event name, <c>message-id</c> = the event id,
/// camelCase JSON, persistent, confirmed), so a test can play the part of another service.
/// </summary>
public sealed class EventPublisher : IAsyncDisposable
{
    public const string Exchange = "platform.events";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly IConnection connection;
    private readonly IChannel channel;

    private EventPublisher(IConnection connection, IChannel channel) => (this.connection, this.channel) = (connection, channel);

    public static async Task<EventPublisher> ConnectAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = await new ConnectionFactory { Uri = new Uri(connectionString) }.CreateConnectionAsync(cancellationToken);
        var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        await channel.ExchangeDeclareAsync(Exchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        return new EventPublisher(connection, channel);
    }

    public static string NameOf(Type eventType) =>
        eventType.GetCustomAttribute<EventNameAttribute>()?.Name ?? throw new ArgumentException($"{eventType.Name} has no [EventName].");

    public async Task PublishAsync(IntegrationEvent @event, CancellationToken cancellationToken)
    {
        var name = NameOf(@event.GetType());
        var properties = new BasicProperties
        {
            MessageId = @event.Id.ToString(),
            Type = name,
            ContentType = "application/json",
            DeliveryMode = DeliveryModes.Persistent,
        };
        var body = JsonSerializer.SerializeToUtf8Bytes(@event, @event.GetType(), Json);
        await channel.BasicPublishAsync(Exchange, name, mandatory: false, properties, body, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await channel.DisposeAsync();
        await connection.DisposeAsync();
    }
}
