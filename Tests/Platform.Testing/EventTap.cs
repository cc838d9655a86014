using System.Collections.Concurrent;
using System.Text;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Platform.Testing;

/// <summary>Collects the bodies of events with one name, through an exclusive queue bound to the platform's topic exchange.</summary>
public sealed class EventTap : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;

    private EventTap(IConnection connection, IChannel channel) => (_connection, _channel) = (connection, channel);

    public ConcurrentQueue<string> Bodies { get; } = new();

    public static async Task<EventTap> StartAsync(string connectionString, string eventName, CancellationToken cancellationToken)
    {
        var connection = await new ConnectionFactory { Uri = new Uri(connectionString) }.CreateConnectionAsync(cancellationToken);
        var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var tap = new EventTap(connection, channel);
        await channel.ExchangeDeclareAsync(EventPublisher.Exchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        var queue = await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true, cancellationToken: cancellationToken);
        await channel.QueueBindAsync(queue.QueueName, EventPublisher.Exchange, eventName, cancellationToken: cancellationToken);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            tap.Bodies.Enqueue(Encoding.UTF8.GetString(delivery.Body.Span));
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer, cancellationToken);
        return tap;
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
