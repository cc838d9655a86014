using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Contracts;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Platform.EventBus;

/// <summary>
/// Consumes the service's queue with manual acknowledgements and bounded prefetch: each message is handled
/// through the inbox and acknowledged only after its transaction committed; a failure goes to the
/// <see cref="FailedDeliveryRouter"/>. The connection's topology recovery re-declares the queues and
/// resumes consuming after the broker comes back.
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

        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await StartConsumingAsync(stoppingToken);
                return;
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                var delay = Backoff.Delay(attempt, TimeSpan.FromMilliseconds(200), _options.MaxRelayBackoff);
                LogStartFailed(exception, _options.ServiceName, delay.TotalSeconds);
                await Task.Delay(delay, stoppingToken);
            }
        }
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

    private async Task StartConsumingAsync(CancellationToken cancellationToken)
    {
        if (_channel is not null)
        {
            await _channel.DisposeAsync();
        }
        _channel = await broker.Connection.CreateChannelAsync(
            new CreateChannelOptions(false, false, consumerDispatchConcurrency: _options.ConsumerConcurrency), cancellationToken);
        await EventBusTopology.DeclareServiceQueuesAsync(_channel, _options, registry.EventNames, cancellationToken);
        await _channel.BasicQosAsync(prefetchSize: 0, _options.PrefetchCount, global: false, cancellationToken);

        var consumer = new AsyncEventingBasicConsumer(_channel);
        consumer.ReceivedAsync += (_, delivery) => OnReceivedAsync(delivery);
        _consumerTag = await _channel.BasicConsumeAsync(_options.ServiceName, autoAck: false, consumer, cancellationToken);
        LogConsuming(_options.ServiceName, string.Join(", ", registry.EventNames));
    }

    private async Task OnReceivedAsync(BasicDeliverEventArgs delivery)
    {
        var channel = _channel!;
        var cancellationToken = delivery.CancellationToken;
        var eventName = delivery.BasicProperties.Type ?? delivery.RoutingKey;
        using var activity = EventBusTelemetry.StartProcess(delivery.BasicProperties, eventName, _options.ExchangeName, _options.ServiceName);
        bool handled;
        try
        {
            handled = await HandleAsync(delivery, eventName, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return; // shutting down: the closing channel requeues the message
        }
        catch (Exception exception)
        {
            EventBusTelemetry.RecordError(activity, exception);
            await failures.RouteAsync(channel, delivery, eventName, exception, permanent: exception is UnprocessableMessageException, cancellationToken);
            return;
        }

        await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, cancellationToken);
        metrics.Delivered(eventName, duplicate: !handled);
        if (!handled)
        {
            LogDuplicate(delivery.BasicProperties.MessageId, eventName, _options.ServiceName);
        }
    }

    /// <returns><see langword="false"/> when the event had been handled before.</returns>
    private async Task<bool> HandleAsync(BasicDeliverEventArgs delivery, string eventName, CancellationToken cancellationToken)
    {
        if (!registry.TryGet(eventName, out var registration))
        {
            throw new UnprocessableMessageException($"Service '{_options.ServiceName}' has no handler for event '{eventName}'.");
        }
        IntegrationEvent @event;
        try
        {
            @event = EventSerializer.Deserialize(delivery.Body.Span, registration.EventType);
        }
        catch (Exception exception)
        {
            throw new UnprocessableMessageException($"The body of message {delivery.BasicProperties.MessageId} is not a valid {eventName} event.", exception);
        }
        return await _inbox!.ProcessAsync(registration, @event, cancellationToken);
    }

    [LoggerMessage(LogLevel.Information, "Consuming queue {Queue} for {EventNames}")]
    private partial void LogConsuming(string queue, string eventNames);

    [LoggerMessage(LogLevel.Warning, "Could not start consuming queue {Queue}; retrying in {DelaySeconds:0.0} s")]
    private partial void LogStartFailed(Exception exception, string queue, double delaySeconds);

    [LoggerMessage(LogLevel.Information, "Event {MessageId} ({EventName}) was already handled by {Consumer}; acknowledged without handling it again")]
    private partial void LogDuplicate(string? messageId, string eventName, string consumer);
}

/// <summary>A message that no retry can help: an event this service does not know, or a body that does not parse.</summary>
internal sealed class UnprocessableMessageException(string message, Exception? innerException = null) : Exception(message, innerException);
