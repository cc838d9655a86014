using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Platform.Notifications.Diagnostics;
using Platform.Notifications.Live;

namespace Platform.Notifications.Data;

/// <summary>
/// Stores notifications from event handlers, inside the handler's transaction: at most one per (source event,
/// user) whatever the inbox let through, and a <c>NOTIFY</c> that PostgreSQL delivers to every replica's open
/// streams and email dispatcher only if the transaction commits.
/// </summary>
public sealed class NotificationWriter(NotificationsDbContext db, NotificationsMetrics metrics, TimeProvider time)
{
    private const string InsertIfAbsentSql =
        """
        INSERT INTO notifications (id, user_id, source_event_id, kind, title, body, order_id, created_at,
                                   email_status, email_attempts, email_next_attempt_at)
        VALUES (@id, @userId, @sourceEventId, @kind, @title, @body, @orderId, @createdAt, @emailStatus, 0, @createdAt)
        ON CONFLICT (source_event_id, user_id) DO NOTHING
        """;

    /// <returns><see langword="false"/> when the notification for this event and user existed already.</returns>
    public async Task<bool> AddAsync(
        Guid userId, Guid sourceEventId, string kind, string title, string body, Guid? orderId, CancellationToken cancellationToken)
    {
        var inserted = await db.Database.ExecuteSqlRawAsync(InsertIfAbsentSql,
            [
                new NpgsqlParameter("id", NpgsqlDbType.Uuid) { Value = Guid.CreateVersion7() },
                new NpgsqlParameter("userId", NpgsqlDbType.Uuid) { Value = userId },
                new NpgsqlParameter("sourceEventId", NpgsqlDbType.Uuid) { Value = sourceEventId },
                new NpgsqlParameter("kind", NpgsqlDbType.Varchar) { Value = kind },
                new NpgsqlParameter("title", NpgsqlDbType.Varchar) { Value = Truncate(title, NotificationsDbContext.TitleMaxLength) },
                new NpgsqlParameter("body", NpgsqlDbType.Varchar) { Value = Truncate(body, NotificationsDbContext.BodyMaxLength) },
                new NpgsqlParameter("orderId", NpgsqlDbType.Uuid) { Value = orderId is { } id ? id : DBNull.Value },
                new NpgsqlParameter("createdAt", NpgsqlDbType.TimestampTz) { Value = time.GetUtcNow() },
                new NpgsqlParameter("emailStatus", NpgsqlDbType.Varchar) { Value = EmailStatuses.Pending },
            ],
            cancellationToken);
        if (inserted == 0)
        {
            return false;
        }
        await db.Database.ExecuteSqlRawAsync(
            $"SELECT pg_notify('{NotificationChannel.Name}', @payload)",
            [new NpgsqlParameter("payload", NpgsqlDbType.Text) { Value = userId.ToString() }],
            cancellationToken);
        metrics.Created(kind);
        return true;
    }

    private static string Truncate(string text, int maxLength) => text.Length <= maxLength ? text : text[..(maxLength - 1)] + "…";
}
