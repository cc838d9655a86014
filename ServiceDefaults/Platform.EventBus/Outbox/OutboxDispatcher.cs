using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using RabbitMQ.Client;

namespace Platform.EventBus;

/// <summary>
/// Relays committed outbox rows to the broker with publisher confirms and marks them sent, batch by batch.
/// Each batch is claimed with <c>FOR UPDATE SKIP LOCKED</c> inside a transaction, so replicas of a service
/// share the work without sending a row twice; a crashed relay's claim ends with its connection, and the row
/// is picked up again (at-least-once). While the broker or the database is away it retries with back-off.
/// </summary>
internal sealed partial class OutboxDispatcher<TContext>(
    IServiceScopeFactory scopes,
    BrokerConnection broker,
    OutboxSignal signal,
    OutboxBacklog backlog,
    EventBusMetrics metrics,
    TimeProvider time,
    IOptions<EventBusOptions> options,
    ILogger<OutboxDispatcher<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    private static readonly TimeSpan BacklogRefreshInterval = TimeSpan.FromSeconds(5);

    private const string ClaimUnsentSql =
        $"SELECT * FROM {EventBusTables.Outbox} WHERE {EventBusTables.OutboxUnsentFilter} " +
        $"ORDER BY {EventBusTables.OutboxColumns.CreatedAt} LIMIT {{0}} FOR UPDATE SKIP LOCKED";

    private readonly EventBusOptions _options = options.Value;
    private IChannel? _channel;
    private DateTimeOffset _backlogRefreshedAt = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                int relayed;
                using (Untraced())
                {
                    // Before relaying, so the backlog gauges stay current while the broker is away.
                    await RefreshBacklogAsync(stoppingToken);
                    relayed = await RelayBatchAsync(stoppingToken);
                }
                failures = 0;
                if (relayed < _options.OutboxBatchSize)
                {
                    await signal.WaitAsync(_options.OutboxPollingInterval, stoppingToken);
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                var delay = Backoff.Delay(++failures, TimeSpan.FromMilliseconds(200), _options.MaxRelayBackoff);
                LogRelayFailed(exception, failures, delay.TotalSeconds);
                await Task.Delay(delay, time, stoppingToken);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_channel is not null)
        {
            await _channel.DisposeAsync();
        }
    }

    /// <returns>How many rows were relayed.</returns>
    private async Task<int> RelayBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        // A retrying execution strategy (EnableRetryOnFailure) only allows transactions it runs itself.
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(token => RelayBatchAsync(db, token), cancellationToken);
    }

    private async Task<int> RelayBatchAsync(TContext db, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var batch = await db.Set<OutboxMessage>()
            .FromSqlRaw(ClaimUnsentSql, _options.OutboxBatchSize)
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        if (batch.Count == 0)
        {
            await transaction.CommitAsync(cancellationToken);
            return 0;
        }

        var channel = await GetChannelAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.PublishTimeout);
        var confirmed = await Task.WhenAll(batch.Select(message => TryPublishAsync(channel, message, timeout.Token)));

        var sent = batch.Where((_, index) => confirmed[index]).ToList();
        if (sent.Count > 0)
        {
            var sentIds = sent.Select(message => message.Id).ToList();
            var now = time.GetUtcNow();
            await db.Set<OutboxMessage>()
                .Where(message => sentIds.Contains(message.Id))
                .ExecuteUpdateAsync(setters => setters.SetProperty(message => message.SentAt, now), cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);

        foreach (var message in sent)
        {
            metrics.Published(message.EventName);
        }
        return sent.Count == batch.Count
            ? sent.Count
            : throw new InvalidOperationException($"The broker confirmed {sent.Count} of {batch.Count} events; the rest stay in the outbox.");
    }

    private async Task<bool> TryPublishAsync(IChannel channel, OutboxMessage message, CancellationToken cancellationToken)
    {
        using var traced = SuppressInstrumentationScope.Begin(false);
        using var activity = EventBusTelemetry.StartSend(message, _options.ExchangeName);
        var properties = new BasicProperties
        {
            MessageId = message.Id.ToString(),
            Type = message.EventName,
            ContentType = "application/json",
            DeliveryMode = DeliveryModes.Persistent,
            Timestamp = new AmqpTimestamp(message.OccurredAt.ToUnixTimeSeconds()),
            Headers = new Dictionary<string, object?>(),
        };
        EventBusTelemetry.InjectContext(activity, message, properties.Headers);
        try
        {
            await channel.BasicPublishAsync(_options.ExchangeName, message.EventName, mandatory: false, properties,
                Encoding.UTF8.GetBytes(message.Payload), cancellationToken);
            return true;
        }
        catch (Exception exception)
        {
            EventBusTelemetry.RecordError(activity, exception);
            return false;
        }
    }

    private async Task<IChannel> GetChannelAsync(CancellationToken cancellationToken)
    {
        if (_channel is { IsOpen: true })
        {
            return _channel;
        }
        if (_channel is not null)
        {
            await _channel.DisposeAsync();
            _channel = null;
        }
        var channel = await broker.Connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        await EventBusTopology.DeclareExchangeAsync(channel, _options, cancellationToken);
        return _channel = channel;
    }

    private async Task RefreshBacklogAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now - _backlogRefreshedAt < BacklogRefreshInterval)
        {
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        var unsent = scope.ServiceProvider.GetRequiredService<TContext>().Set<OutboxMessage>().Where(message => message.SentAt == null);
        var count = await unsent.LongCountAsync(cancellationToken);
        var oldest = await unsent.MinAsync(message => (DateTimeOffset?)message.CreatedAt, cancellationToken);
        backlog.Update(count, oldest);
        _backlogRefreshedAt = now;
    }

    /// <summary>
    /// The relay's own statements (the claim, marking rows sent, the backlog counts) run every second in every
    /// replica and have no request around them: traced, each would be a trace of its own on the dashboard.
    /// Sends stay traced (<see cref="TryPublishAsync"/>), in the trace of the request that published the event.
    /// </summary>
    private static IDisposable Untraced() => SuppressInstrumentationScope.Begin();

    [LoggerMessage(LogLevel.Warning, "Relaying the outbox failed ({Failures} in a row); retrying in {DelaySeconds:0.0} s")]
    private partial void LogRelayFailed(Exception exception, int failures, double delaySeconds);
}
