using System.Collections.Concurrent;
using System.Text;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Platform.EventBus.Tests;

/// <summary>What a test saw of a message on the broker.</summary>
internal sealed record TappedMessage(
    string? MessageId, string? Type, string RoutingKey, DeliveryModes DeliveryMode, string? ContentType, IReadOnlyDictionary<string, string?> Headers, string Body)
{
    public static TappedMessage From(string routingKey, IReadOnlyBasicProperties properties, ReadOnlyMemory<byte> body) => new(
        properties.MessageId, properties.Type, routingKey, properties.DeliveryMode, properties.ContentType,
        (properties.Headers ?? new Dictionary<string, object?>()).ToDictionary(h => h.Key, h => MessageHeaders.AsString(h.Value)),
        Encoding.UTF8.GetString(body.Span));
}

/// <summary>
/// Collects every message published to an exchange, through a durable queue of its own bound to <c>#</c>
/// (durable, so it survives a broker restart), and lets a test publish and read messages directly.
/// </summary>
internal sealed class EventTap : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly string _queue = $"tap-{Guid.NewGuid():N}";

    private EventTap(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    public ConcurrentQueue<TappedMessage> Messages { get; } = new();

    public HashSet<string?> DistinctMessageIds => Messages.Select(m => m.MessageId).ToHashSet();

    public static async Task<EventTap> StartAsync(string rabbitMQ, string exchange, CancellationToken cancellationToken)
    {
        var connection = await BrokerConnections.OpenAsync(rabbitMQ, "event-tap", cancellationToken);
        var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var tap = new EventTap(connection, channel);
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        await channel.QueueDeclareAsync(tap._queue, durable: true, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);
        await channel.QueueBindAsync(tap._queue, exchange, "#", cancellationToken: cancellationToken);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            tap.Messages.Enqueue(TappedMessage.From(delivery.RoutingKey, delivery.BasicProperties, delivery.Body));
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(tap._queue, autoAck: true, consumer, cancellationToken);
        return tap;
    }

    /// <summary>Publishes an event as the outbox dispatcher would, bypassing the outbox.</summary>
    public async Task PublishAsync(string exchange, IntegrationEvent @event, CancellationToken cancellationToken)
    {
        var properties = new BasicProperties { MessageId = @event.Id.ToString(), Type = EventNames.Of(@event.GetType()), DeliveryMode = DeliveryModes.Persistent };
        await _channel.BasicPublishAsync(exchange, properties.Type, mandatory: false, properties,
            Encoding.UTF8.GetBytes(EventSerializer.Serialize(@event)), cancellationToken);
    }

    /// <summary>Takes every message waiting in a queue.</summary>
    public async Task<List<TappedMessage>> DrainAsync(string queue, CancellationToken cancellationToken)
    {
        var messages = new List<TappedMessage>();
        while (await _channel.BasicGetAsync(queue, autoAck: true, cancellationToken) is { } result)
        {
            messages.Add(TappedMessage.From(result.RoutingKey, result.BasicProperties, result.Body));
        }
        return messages;
    }

    public Task<uint> CountAsync(string queue, CancellationToken cancellationToken) => _channel.MessageCountAsync(queue, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_channel.IsOpen)
        {
            await _channel.QueueDeleteAsync(_queue);
        }
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
