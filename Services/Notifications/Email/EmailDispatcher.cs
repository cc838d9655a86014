using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using OpenTelemetry;
using Platform.Notifications.Data;
using Platform.Notifications.Diagnostics;

namespace Platform.Notifications.Email;

/// <summary>
/// Sends the email of every notification whose email is pending, and records the outcome. Handlers only store
/// notifications, so a redelivered event never mails twice, and an SMTP outage only delays mail. Rows are
/// claimed with <c>FOR UPDATE SKIP LOCKED</c> and a lease (so replicas share the work and a crashed sender's mail
/// is retried once the lease runs out); a failure is retried with exponential back-off, up to
/// <see cref="EmailOptions.MaxAttempts"/>. Delivery is at least once: a crash between sending and recording
/// "sent" sends that mail again.
/// </summary>
public sealed partial class EmailDispatcher(
    IServiceScopeFactory scopes,
    EmailSender sender,
    EmailComposer composer,
    EmailDispatchSignal signal,
    NotificationsMetrics metrics,
    IOptions<EmailOptions> options,
    TimeProvider time,
    ILogger<EmailDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private const string ClaimSql =
        """
        UPDATE notifications SET email_next_attempt_at = @leaseUntil, email_attempts = email_attempts + 1
        WHERE id IN (SELECT id FROM notifications
                     WHERE email_status = 'pending' AND email_next_attempt_at <= @now
                     ORDER BY email_next_attempt_at LIMIT @batchSize
                     FOR UPDATE SKIP LOCKED)
        RETURNING *
        """;

    private readonly EmailOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_options.Transport == EmailTransport.None)
        {
            LogNoTransport();
        }
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var claimed = await DispatchBatchAsync(stoppingToken);
                failures = 0;
                if (claimed == _options.BatchSize)
                {
                    continue; // more may be due
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // The database is away: wait longer each time.
                failures++;
                var delay = RetryDelay(failures);
                LogDispatchFailed(exception, delay.TotalSeconds);
                await Task.Delay(delay, time, stoppingToken);
                continue;
            }
            await signal.WaitAsync(_options.PollInterval, stoppingToken);
        }
    }

    /// <returns>How many notifications it claimed.</returns>
    private async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var now = time.GetUtcNow();
        List<Notification> claimed;
        // The claim runs every poll, with no request around it: traced, each would be a trace of its own.
        using (SuppressInstrumentationScope.Begin())
        {
            claimed = await db.Notifications.FromSqlRaw(ClaimSql,
                    new NpgsqlParameter("leaseUntil", NpgsqlDbType.TimestampTz) { Value = now + Lease },
                    new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = now },
                    new NpgsqlParameter("batchSize", NpgsqlDbType.Integer) { Value = _options.BatchSize })
                .AsNoTracking()
                .ToListAsync(cancellationToken);
        }
        if (claimed.Count == 0)
        {
            return 0;
        }
        var userIds = claimed.Select(n => n.UserId).Distinct().ToList();
        var recipients = await db.Recipients.AsNoTracking()
            .Where(r => userIds.Contains(r.UserId))
            .ToDictionaryAsync(r => r.UserId, cancellationToken);

        for (var i = 0; i < claimed.Count; i++)
        {
            var notification = claimed[i];
            if (_options.Transport == EmailTransport.None)
            {
                await MarkSkippedAsync(db, notification, "no-transport", cancellationToken);
            }
            else if (!recipients.TryGetValue(notification.UserId, out var recipient))
            {
                LogUnknownRecipient(notification.UserId, notification.Id);
                await MarkSkippedAsync(db, notification, "unknown-recipient", cancellationToken);
            }
            else if (!await TrySendAsync(db, notification, recipient, cancellationToken))
            {
                // The transport is likely down: put the rest back for the same retry time rather than trying each.
                await DeferAsync(db, claimed.Skip(i + 1).Select(n => n.Id).ToList(), RetryAt(notification.EmailAttempts), cancellationToken);
                break;
            }
        }
        return claimed.Count;
    }

    private async Task<bool> TrySendAsync(NotificationsDbContext db, Notification notification, Recipient recipient, CancellationToken cancellationToken)
    {
        try
        {
            using var message = composer.Compose(notification, recipient);
            await sender.SendAsync(message, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            metrics.EmailFailed();
            var attempts = notification.EmailAttempts;
            var error = $"{exception.GetType().Name}: {exception.Message}";
            if (attempts >= _options.MaxAttempts)
            {
                LogGaveUp(exception, notification.Id, attempts);
                await db.Notifications.Where(n => n.Id == notification.Id).ExecuteUpdateAsync(set => set
                    .SetProperty(n => n.EmailStatus, EmailStatuses.Failed)
                    .SetProperty(n => n.EmailLastError, error), cancellationToken);
            }
            else
            {
                var retryAt = RetryAt(attempts);
                LogSendFailed(exception, notification.Id, attempts, retryAt);
                await db.Notifications.Where(n => n.Id == notification.Id).ExecuteUpdateAsync(set => set
                    .SetProperty(n => n.EmailNextAttemptAt, retryAt)
                    .SetProperty(n => n.EmailLastError, error), cancellationToken);
            }
            return false;
        }
        metrics.EmailSent();
        var sentAt = time.GetUtcNow();
        await db.Notifications.Where(n => n.Id == notification.Id).ExecuteUpdateAsync(set => set
            .SetProperty(n => n.EmailStatus, EmailStatuses.Sent)
            .SetProperty(n => n.EmailSentAt, sentAt)
            .SetProperty(n => n.EmailLastError, (string?)null), cancellationToken);
        return true;
    }

    private async Task MarkSkippedAsync(NotificationsDbContext db, Notification notification, string reason, CancellationToken cancellationToken)
    {
        metrics.EmailSkipped(reason);
        await db.Notifications.Where(n => n.Id == notification.Id).ExecuteUpdateAsync(set => set
            .SetProperty(n => n.EmailStatus, EmailStatuses.Skipped)
            .SetProperty(n => n.EmailLastError, reason), cancellationToken);
    }

    /// <summary>Returns claimed but untried notifications, without counting the claim as an attempt.</summary>
    private static Task DeferAsync(NotificationsDbContext db, List<Guid> ids, DateTimeOffset until, CancellationToken cancellationToken) =>
        ids.Count == 0
            ? Task.CompletedTask
            : db.Notifications.Where(n => ids.Contains(n.Id)).ExecuteUpdateAsync(set => set
                .SetProperty(n => n.EmailNextAttemptAt, until)
                .SetProperty(n => n.EmailAttempts, n => n.EmailAttempts - 1), cancellationToken);

    private DateTimeOffset RetryAt(int attempts) => time.GetUtcNow() + RetryDelay(attempts);

    private TimeSpan RetryDelay(int attempt)
    {
        var ticks = _options.FirstRetryDelay.Ticks * Math.Pow(2, Math.Min(attempt - 1, 30));
        return ticks >= _options.MaxRetryDelay.Ticks ? _options.MaxRetryDelay : TimeSpan.FromTicks((long)ticks);
    }

    [LoggerMessage(LogLevel.Warning, "No email transport configured (Email:SmtpHost or Email:PickupDirectory): notifications are stored, their emails skipped")]
    private partial void LogNoTransport();

    [LoggerMessage(LogLevel.Information, "No address known for user {UserId} (no UserRegistered seen); email of notification {NotificationId} skipped")]
    private partial void LogUnknownRecipient(Guid userId, Guid notificationId);

    [LoggerMessage(LogLevel.Warning, "Email of notification {NotificationId} failed (attempt {Attempts}); retrying at {RetryAt:O}")]
    private partial void LogSendFailed(Exception exception, Guid notificationId, int attempts, DateTimeOffset retryAt);

    [LoggerMessage(LogLevel.Error, "Email of notification {NotificationId} failed {Attempts} times; giving up")]
    private partial void LogGaveUp(Exception exception, Guid notificationId, int attempts);

    [LoggerMessage(LogLevel.Warning, "Email dispatch failed; trying again in {DelaySeconds:0.0} s")]
    private partial void LogDispatchFailed(Exception exception, double delaySeconds);
}
