using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Platform.EventBus;

/// <summary>
/// Moves a message whose handler failed to the service's retry queue (with a growing TTL, after which it
/// returns to the service's queue) or, after the last attempt, to its dead-letter queue with the exception in
/// its headers. The original is acknowledged only once the broker confirmed the copy; if the copy cannot be
/// made, the original is requeued instead, so a failed message is never dropped.
/// </summary>
internal sealed partial class FailedDeliveryRouter(
    BrokerConnection broker,
    IOptions<EventBusOptions> options,
    EventBusMetrics metrics,
    TimeProvider time,
    ILogger<FailedDeliveryRouter> logger) : IAsyncDisposable
{
    private const int MaxHeaderLength = 4000;

    private readonly EventBusOptions _options = options.Value;
    private readonly SemaphoreSlim _channelLock = new(1, 1);
    private IChannel? _channel;

    public async Task RouteAsync(
        IChannel consumerChannel, BasicDeliverEventArgs delivery, string eventName, Exception exception, bool permanent, CancellationToken cancellationToken)
    {
        var previousFailures = MessageHeaders.ReadFailedAttempts(delivery.BasicProperties.Headers);
        var decision = DeliveryFailurePolicy.Decide(previousFailures, permanent, _options);
        var properties = new BasicProperties(delivery.BasicProperties)
        {
            Headers = new Dictionary<string, object?>(delivery.BasicProperties.Headers ?? new Dictionary<string, object?>()),
            Expiration = decision.DeadLetter ? null : ((long)decision.RetryDelay.TotalMilliseconds).ToString(CultureInfo.InvariantCulture),
        };
        properties.Headers[MessageHeaders.FailedAttempts] = decision.FailedAttempts;
        if (decision.DeadLetter)
        {
            properties.Headers[MessageHeaders.ExceptionType] = exception.GetType().FullName;
            properties.Headers[MessageHeaders.ExceptionMessage] = Truncate(exception.Message);
            properties.Headers[MessageHeaders.ExceptionStackTrace] = Truncate(exception.ToString());
            properties.Headers[MessageHeaders.DeadLetteredAt] = time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
            properties.Headers[MessageHeaders.Consumer] = _options.ServiceName;
        }
        var queue = decision.DeadLetter ? EventBusTopology.DeadLetterQueue(_options.ServiceName) : EventBusTopology.RetryQueue(_options.ServiceName);

        try
        {
            var channel = await GetChannelAsync(cancellationToken);
            await channel.BasicPublishAsync("", queue, mandatory: true, properties, delivery.Body, cancellationToken);
        }
        catch (Exception copyFailure)
        {
            LogCopyFailed(copyFailure, delivery.BasicProperties.MessageId, queue);
            await consumerChannel.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: true, cancellationToken);
            return;
        }
        await consumerChannel.BasicAckAsync(delivery.DeliveryTag, multiple: false, cancellationToken);

        if (decision.DeadLetter)
        {
            metrics.DeadLettered(eventName);
            LogDeadLettered(exception, delivery.BasicProperties.MessageId, eventName, decision.FailedAttempts, queue);
        }
        else
        {
            metrics.Retried(eventName);
            LogRetrying(exception, delivery.BasicProperties.MessageId, eventName, decision.FailedAttempts, decision.RetryDelay.TotalSeconds);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_channel is not null)
        {
            await _channel.DisposeAsync();
        }
        _channelLock.Dispose();
    }

    private async Task<IChannel> GetChannelAsync(CancellationToken cancellationToken)
    {
        await _channelLock.WaitAsync(cancellationToken);
        try
        {
            if (_channel is not { IsOpen: true })
            {
                if (_channel is not null)
                {
                    await _channel.DisposeAsync();
                }
                _channel = await broker.Connection.CreateChannelAsync(
                    new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
            }
            return _channel;
        }
        finally
        {
            _channelLock.Release();
        }
    }

    private static string Truncate(string text) => text.Length <= MaxHeaderLength ? text : text[..MaxHeaderLength];

    [LoggerMessage(LogLevel.Warning, "Handling event {MessageId} ({EventName}) failed (attempt {Attempt}); retrying in {DelaySeconds:0.0} s")]
    private partial void LogRetrying(Exception exception, string? messageId, string eventName, int attempt, double delaySeconds);

    [LoggerMessage(LogLevel.Error, "Handling event {MessageId} ({EventName}) failed (attempt {Attempt}); moved to {Queue}")]
    private partial void LogDeadLettered(Exception exception, string? messageId, string eventName, int attempt, string queue);

    [LoggerMessage(LogLevel.Error, "Could not copy failed message {MessageId} to {Queue}; it is requeued")]
    private partial void LogCopyFailed(Exception exception, string? messageId, string queue);
}
