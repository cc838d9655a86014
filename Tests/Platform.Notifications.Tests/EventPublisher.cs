using System.Reflection;
using System.Text.Json;
using Platform.Contracts;
using RabbitMQ.Client;

namespace Platform.Notifications.Tests;

/// <summary>
/// Publishes contract events to the broker the way the platform's event bus relays them from an outbox: topic
/// exchange <c>platform.events</c>, routing key and <c>type</c> = the event name, <c>message-id</c> = the event id,
/// a persistent camelCase JSON body, with publisher confirms. One channel, so events arrive in publishing order.
/// </summary>
public sealed class EventPublisher : IAsyncDisposable
{
    public const string Exchange = "platform.events";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly IConnection _connection;
    private readonly IChannel _channel;

    private EventPublisher(IConnection connection, IChannel channel) => (_connection, _channel) = (connection, channel);

    public static async Task<EventPublisher> ConnectAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = await new ConnectionFactory { Uri = new Uri(connectionString) }.CreateConnectionAsync(cancellationToken);
        var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        return new EventPublisher(connection, channel);
    }

    public static string NameOf(Type eventType) => eventType.GetCustomAttribute<EventNameAttribute>()!.Name;

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
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await _channel.BasicPublishAsync(Exchange, name, mandatory: true, properties, body, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
        _gate.Dispose();
    }
}
