using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Contracts;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Platform.EventBus;

/// <summary>
/// Consumes the service's queue with manual acknowledgements and bounded prefetch: messages are handled through
/// the inbox in arrival order, as many as have arrived (up to <see cref="EventBusOptions.MaxBatchSize"/>) in one
/// transaction, and acknowledged only after it committed. When a batch fails, its messages are handled one at a
/// time, and a failing one goes to the <see cref="FailedDeliveryRouter"/>. The connection's topology recovery
/// re-declares the queues and resumes consuming after the broker comes back.
/// </summary>
internal sealed partial class EventConsumer(
    BrokerConnection broker,
    EventHandlerRegistry registry,
    IServiceProvider services,
    FailedDeliveryRouter failures,
    EventBusMetrics metrics,
    IOptions<EventBusOptions> options,
    ILogger<EventConsumer> logger) : BackgroundService
{
    private readonly EventBusOptions _options = options.Value;
    private IInboxProcessor? _inbox;
    private IChannel? _channel;
    private string? _consumerTag;

    /// <summary>The service handles events, so it must consume them to be healthy.</summary>
    public bool IsRequired => !registry.IsEmpty;

    public bool IsConsuming => _consumerTag is not null && _channel is { IsOpen: true };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (registry.IsEmpty)
        {
            return;
        }
        _inbox = services.GetService<IInboxProcessor>() ?? throw new InvalidOperationException(
            "Event handlers need the service's DbContext for their inbox: call UseDbContext<TContext>() on the event bus builder.");

        // Never fuller than the prefetch count: the broker hands out no more unacknowledged messages.
        var deliveries = Channel.CreateBounded<BasicDeliverEventArgs>(_options.PrefetchCount);
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await StartConsumingAsync(deliveries.Writer, stoppingToken);
                break;
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                var delay = Backoff.Delay(attempt, TimeSpan.FromMilliseconds(200), _options.MaxRelayBackoff);
                LogStartFailed(exception, _options.ServiceName, delay.TotalSeconds);
                await Task.Delay(delay, stoppingToken);
            }
        }
        await Task.WhenAll(Enumerable.Range(0, Math.Max(1, (int)_options.ConsumerConcurrency))
            .Select(_ => HandleDeliveriesAsync(deliveries.Reader, stoppingToken)));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_channel is not null)
        {
            // Closing returns unacknowledged messages to the queue.
            await _channel.DisposeAsync();
        }
    }

    private async Task StartConsumingAsync(ChannelWriter<BasicDeliverEventArgs> deliveries, CancellationToken cancellationToken)
    {
        if (_channel is not null)
        {
            await _channel.DisposeAsync();
        }
        _channel = await broker.Connection.CreateChannelAsync(cancellationToken: cancellationToken);
        await EventBusTopology.DeclareServiceQueuesAsync(_channel, _options, registry.EventNames, cancellationToken);
        await _channel.BasicQosAsync(prefetchSize: 0, _options.PrefetchCount, global: false, cancellationToken);

        var consumer = new AsyncEventingBasicConsumer(_channel);
        // The client reuses a delivery's body buffer once this returns: the queued copy owns its bytes.
        consumer.ReceivedAsync += (_, delivery) => deliveries.WriteAsync(new BasicDeliverEventArgs(delivery.ConsumerTag, delivery.DeliveryTag,
            delivery.Redelivered, delivery.Exchange, delivery.RoutingKey, delivery.BasicProperties, delivery.Body.ToArray()), delivery.CancellationToken).AsTask();
        _consumerTag = await _channel.BasicConsumeAsync(_options.ServiceName, autoAck: false, consumer, cancellationToken);
        LogConsuming(_options.ServiceName, string.Join(", ", registry.EventNames));
    }

    /// <summary>
    /// Handles what has arrived, in arrival order, up to <see cref="EventBusOptions.MaxBatchSize"/> messages per
    /// transaction: one message when they trickle in, bigger batches when they queue up.
    /// </summary>
    private async Task HandleDeliveriesAsync(ChannelReader<BasicDeliverEventArgs> deliveries, CancellationToken stoppingToken)
    {
        var batch = new List<BasicDeliverEventArgs>(_options.MaxBatchSize);
        try
        {
            while (await deliveries.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < _options.MaxBatchSize && deliveries.TryRead(out var delivery))
                {
                    batch.Add(delivery);
                }
                try
                {
                    await HandleBatchAsync(batch, stoppingToken);
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    // The channel closed under the batch (the broker went away): what was not acknowledged comes again.
                    LogBatchAborted(exception, batch.Count);
                }
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the closing channel requeues every message not acknowledged.
        }
    }

    private async Task HandleBatchAsync(List<BasicDeliverEventArgs> deliveries, CancellationToken cancellationToken)
    {
        var channel = _channel!;
        var readable = new List<(BasicDeliverEventArgs Delivery, InboxItem Item)>(deliveries.Count);
        try
        {
            foreach (var delivery in deliveries)
            {
                if (await ReadOrRouteAsync(channel, delivery, cancellationToken) is { } item)
                {
                    readable.Add((delivery, item));
                }
            }
            if (readable.Count > 1 && await TryHandleTogetherAsync(channel, readable, cancellationToken))
            {
                return;
            }
            // One message, or a batch one of whose messages failed: each on its own, so only a failing one is retried.
            foreach (var (delivery, item) in readable)
            {
                await HandleAloneAsync(channel, delivery, item, cancellationToken);
            }
        }
        finally
        {
            foreach (var (_, item) in readable)
            {
                item.Activity?.Dispose();
            }
        }
    }

    /// <returns>The event to handle, or null when the message cannot be one (it went to the dead-letter queue).</returns>
    private async Task<InboxItem?> ReadOrRouteAsync(IChannel channel, BasicDeliverEventArgs delivery, CancellationToken cancellationToken)
    {
        var eventName = delivery.BasicProperties.Type ?? delivery.RoutingKey;
        var outer = Activity.Current;
        var activity = EventBusTelemetry.StartProcess(delivery.BasicProperties, eventName, _options.ExchangeName, _options.ServiceName);
        Activity.Current = outer; // the span is made current around its own handler only
        try
        {
            var registration = Find(eventName);
            return new InboxItem(registration, Deserialize(delivery, eventName, registration.EventType), activity);
        }
        catch (UnprocessableMessageException exception)
        {
            EventBusTelemetry.RecordError(activity, exception);
            activity?.Dispose();
            await failures.RouteAsync(channel, delivery, eventName, exception, permanent: true, cancellationToken);
            return null;
        }
    }

    private async Task<bool> TryHandleTogetherAsync(IChannel channel, List<(BasicDeliverEventArgs Delivery, InboxItem Item)> batch, CancellationToken cancellationToken)
    {
        bool[] handled;
        try
        {
            handled = await _inbox!.ProcessAsync(batch.ConvertAll(entry => entry.Item), cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogBatchFailed(exception, batch.Count);
            return false;
        }
        for (var i = 0; i < batch.Count; i++)
        {
            await AcknowledgeAsync(channel, batch[i].Delivery, batch[i].Item, handled[i], cancellationToken);
        }
        return true;
    }

    private async Task HandleAloneAsync(IChannel channel, BasicDeliverEventArgs delivery, InboxItem item, CancellationToken cancellationToken)
    {
        bool handled;
        try
        {
            handled = (await _inbox!.ProcessAsync([item], cancellationToken))[0];
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            EventBusTelemetry.RecordError(item.Activity, exception);
            await failures.RouteAsync(channel, delivery, item.Registration.EventName, exception, permanent: false, cancellationToken);
            return;
        }
        await AcknowledgeAsync(channel, delivery, item, handled, cancellationToken);
    }

    private async Task AcknowledgeAsync(IChannel channel, BasicDeliverEventArgs delivery, InboxItem item, bool handled, CancellationToken cancellationToken)
    {
        await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, cancellationToken);
        metrics.Delivered(item.Registration.EventName, duplicate: !handled);
        if (!handled)
        {
            LogDuplicate(delivery.BasicProperties.MessageId, item.Registration.EventName, _options.ServiceName);
        }
    }

    private EventHandlerRegistration Find(string eventName) =>
        registry.TryGet(eventName, out var registration)
            ? registration
            : throw new UnprocessableMessageException($"Service '{_options.ServiceName}' has no handler for event '{eventName}'.");

    private static IntegrationEvent Deserialize(BasicDeliverEventArgs delivery, string eventName, Type eventType)
    {
        try
        {
            return EventSerializer.Deserialize(delivery.Body.Span, eventType);
        }
        catch (Exception exception)
        {
            throw new UnprocessableMessageException($"The body of message {delivery.BasicProperties.MessageId} is not a valid {eventName} event.", exception);
        }
    }

    [LoggerMessage(LogLevel.Information, "Consuming queue {Queue} for {EventNames}")]
    private partial void LogConsuming(string queue, string eventNames);

    [LoggerMessage(LogLevel.Warning, "Could not start consuming queue {Queue}; retrying in {DelaySeconds:0.0} s")]
    private partial void LogStartFailed(Exception exception, string queue, double delaySeconds);

    [LoggerMessage(LogLevel.Warning, "Handling {Count} deliveries stopped; those not acknowledged will be delivered again")]
    private partial void LogBatchAborted(Exception exception, int count);

    [LoggerMessage(LogLevel.Debug, "A batch of {Count} events failed; handling them one at a time")]
    private partial void LogBatchFailed(Exception exception, int count);

    [LoggerMessage(LogLevel.Information, "Event {MessageId} ({EventName}) was already handled by {Consumer}; acknowledged without handling it again")]
    private partial void LogDuplicate(string? messageId, string eventName, string consumer);
}

/// <summary>A message that no retry can help: an event this service does not know, or a body that does not parse.</summary>
internal sealed class UnprocessableMessageException(string message, Exception? innerException = null) : Exception(message, innerException);
