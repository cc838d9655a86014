using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Platform.Contracts;
using Platform.EventBus;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Platform.Users.Tests;

/// <summary>
/// An exclusive queue of the test's own, bound to the exchange <c>platform.events</c> with the names of the users
/// service's events as routing keys; keeps every message it receives.
/// </summary>
public sealed class EventTap : IAsyncDisposable
{
    public const string Exchange = "platform.events";

    private readonly IConnection _connection;
    private readonly IChannel _channel;

    private EventTap(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    public ConcurrentQueue<(string RoutingKey, JsonElement Body)> Messages { get; } = new();

    public static async Task<EventTap> StartAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = await new ConnectionFactory { Uri = new Uri(connectionString) }.CreateConnectionAsync(cancellationToken);
        var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var tap = new EventTap(connection, channel);
        await channel.ExchangeDeclareAsync(Exchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        var queue = (await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true, cancellationToken: cancellationToken)).QueueName;
        foreach (var routingKey in new[] { EventNames.Of<UserRegistered>(), EventNames.Of<UserUpdated>(), EventNames.Of<UserDeleted>() })
        {
            await channel.QueueBindAsync(queue, Exchange, routingKey, cancellationToken: cancellationToken);
        }
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            using var body = JsonDocument.Parse(Encoding.UTF8.GetString(delivery.Body.Span));
            tap.Messages.Enqueue((delivery.RoutingKey, body.RootElement.Clone()));
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue, autoAck: true, consumer, cancellationToken);
        return tap;
    }

    /// <summary>Waits for a message with <paramref name="routingKey"/> about <paramref name="userId"/>; fails after the timeout.</summary>
    public async Task<JsonElement> WaitForAsync(string routingKey, Guid userId, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            foreach (var (key, body) in Messages)
            {
                if (key == routingKey && body.TryGetProperty("userId", out var id) && id.GetGuid() == userId)
                {
                    return body;
                }
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No '{routingKey}' for user {userId} within 30 s; got {Messages.Count} messages.");
            }
            await Task.Delay(50, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
