using RabbitMQ.Client;

namespace Platform.EventBus;

/// <summary>
/// The broker objects of the bus: one durable topic exchange for all services; per service a durable queue
/// bound to the events it handles, a retry queue whose expired messages dead-letter back into it, and a
/// dead-letter queue for messages that failed too often.
/// </summary>
internal static class EventBusTopology
{
    public static string RetryQueue(string serviceName) => $"{serviceName}.retry";

    public static string DeadLetterQueue(string serviceName) => $"{serviceName}.dead-letter";

    public static Task DeclareExchangeAsync(IChannel channel, EventBusOptions options, CancellationToken cancellationToken) =>
        channel.ExchangeDeclareAsync(options.ExchangeName, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: cancellationToken);

    public static async Task DeclareServiceQueuesAsync(
        IChannel channel, EventBusOptions options, IEnumerable<string> eventNames, CancellationToken cancellationToken)
    {
        var queue = options.ServiceName;
        await DeclareExchangeAsync(channel, options, cancellationToken);
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);
        // Per-message TTLs expire only at the head of a queue, so a long delay can hold back a shorter one behind it.
        await channel.QueueDeclareAsync(RetryQueue(queue), durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?>
            {
                ["x-dead-letter-exchange"] = "",
                ["x-dead-letter-routing-key"] = queue,
            },
            cancellationToken: cancellationToken);
        await channel.QueueDeclareAsync(DeadLetterQueue(queue), durable: true, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);
        foreach (var eventName in eventNames)
        {
            await channel.QueueBindAsync(queue, options.ExchangeName, eventName, cancellationToken: cancellationToken);
        }
    }
}
