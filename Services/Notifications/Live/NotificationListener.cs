using Npgsql;
using Platform.Notifications.Email;

namespace Platform.Notifications.Live;

/// <summary>
/// The process's one <c>LISTEN</c> connection: every committed notification (from any replica) wakes the streams
/// of its user and the email dispatcher. Reconnects with back-off; after a reconnect every stream looks again,
/// since notifications sent while it was away are lost.
/// </summary>
public sealed partial class NotificationListener(
    IConfiguration configuration,
    NotificationSignals signals,
    EmailDispatchSignal email,
    TimeProvider time,
    ILogger<NotificationListener> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(10);

    public bool IsListening { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(configuration.GetConnectionString("notificationsdb"))
        {
            // A dedicated session (LISTEN belongs to it) whose loss WaitAsync notices through keepalives.
            Pooling = false,
            KeepAlive = 15,
            ApplicationName = "notifications-listener",
        }.ConnectionString;

        for (var attempt = 0; !stoppingToken.IsCancellationRequested;)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                connection.Notification += (_, e) =>
                {
                    if (Guid.TryParse(e.Payload, out var userId))
                    {
                        signals.Notify(userId);
                    }
                    email.Wake();
                };
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {NotificationChannel.Name}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                IsListening = true;
                if (attempt > 0)
                {
                    LogReconnected();
                    signals.NotifyAll();
                    email.Wake();
                }
                attempt = 0;
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                IsListening = false;
                attempt++;
                var delay = TimeSpan.FromMilliseconds(Math.Min(MaxBackoff.TotalMilliseconds, 250 * Math.Pow(2, Math.Min(attempt - 1, 10))));
                LogListenFailed(exception, delay.TotalSeconds);
                await Task.Delay(delay, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Listening for new notifications failed; reconnecting in {DelaySeconds:0.0} s (streams fall back to their periodic check)")]
    private partial void LogListenFailed(Exception exception, double delaySeconds);

    [LoggerMessage(LogLevel.Information, "Listening for new notifications again")]
    private partial void LogReconnected();
}
