using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Notifications.Data;
using Platform.Notifications.Live;

namespace Platform.Notifications.Endpoints;

/// <summary>
/// <c>GET /api/notifications/stream</c>: the caller's new notifications as server-sent events. The stream
/// subscribes to this process's LISTEN fan-out, then reads what is new from the database whenever its user's
/// signal arrives and at every heartbeat (a safety net for a missed signal). Commits do not arrive in
/// <c>created_at</c> order, so it looks back over a window and remembers the ids it has seen rather than keep a
/// timestamp cursor.
/// </summary>
internal static class NotificationStream
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    /// <summary>Longer than any handler's transaction plus clock skew between replicas.</summary>
    private static readonly TimeSpan LookBack = TimeSpan.FromMinutes(2);

    public static async Task StreamAsync(
        HttpContext context,
        ClaimsPrincipal principal,
        NotificationsDbContext db,
        NotificationSignals signals,
        IOptions<JsonOptions> json,
        TimeProvider time,
        IHostApplicationLifetime lifetime)
    {
        var userId = Caller.IdOf(principal);
        // Ends with the request or when the service stops, so open streams never hold up a shutdown.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var cancellationToken = stopping.Token;
        using var subscription = signals.Subscribe(userId);

        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        var seen = new Dictionary<Guid, DateTimeOffset>();
        var resumeAfter = await ResumePointAsync(context.Request, db, userId, cancellationToken);
        try
        {
            // The first look takes only what the client missed (after Last-Event-ID); the rest existed already.
            // Nothing is written before it, so a client that has seen the stream open gets whatever commits next.
            var missed = await ReadNewAsync(db, userId, seen, json.Value.SerializerOptions, time, resumeAfter, firstLook: true, cancellationToken);
            await WriteAsync(response, "retry: 3000\n: connected\n\n" + missed, cancellationToken);
            while (!cancellationToken.IsCancellationRequested)
            {
                var heartbeat = await subscription.WaitAsync(Heartbeat, cancellationToken) ? "" : ": heartbeat\n\n";
                var news = await ReadNewAsync(db, userId, seen, json.Value.SerializerOptions, time, null, firstLook: false, cancellationToken);
                if (heartbeat.Length + news.Length > 0)
                {
                    await WriteAsync(response, heartbeat + news, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away or the service is stopping.
        }
    }

    /// <summary>The caller's notification named by <c>Last-Event-ID</c>, if it is one.</summary>
    private static async Task<Notification?> ResumePointAsync(HttpRequest request, NotificationsDbContext db, Guid userId, CancellationToken cancellationToken) =>
        Guid.TryParse(request.Headers["Last-Event-ID"].ToString(), out var lastId)
            ? await db.Notifications.AsNoTracking().SingleOrDefaultAsync(n => n.Id == lastId && n.UserId == userId, cancellationToken)
            : null;

    /// <returns>The events to send for notifications not seen before (those of the first look only if after <paramref name="resumeAfter"/>).</returns>
    private static async Task<string> ReadNewAsync(
        NotificationsDbContext db, Guid userId, Dictionary<Guid, DateTimeOffset> seen,
        JsonSerializerOptions jsonOptions, TimeProvider time, Notification? resumeAfter, bool firstLook, CancellationToken cancellationToken)
    {
        var windowStart = time.GetUtcNow() - LookBack;
        var since = resumeAfter is not null && resumeAfter.CreatedAt < windowStart ? resumeAfter.CreatedAt : windowStart;
        var recent = await db.Notifications.AsNoTracking()
            .Where(n => n.UserId == userId && n.CreatedAt >= since)
            .OrderBy(n => n.CreatedAt).ThenBy(n => n.Id)
            .ToListAsync(cancellationToken);

        var output = new StringBuilder();
        foreach (var notification in recent)
        {
            if (!seen.TryAdd(notification.Id, notification.CreatedAt))
            {
                continue;
            }
            var send = !firstLook || (resumeAfter is not null && IsAfter(notification, resumeAfter));
            if (send)
            {
                output.Append("id: ").Append(notification.Id).Append('\n')
                    .Append("event: notification\n")
                    .Append("data: ").Append(JsonSerializer.Serialize(NotificationItem.From(notification), jsonOptions)).Append("\n\n");
            }
        }
        foreach (var (id, createdAt) in seen)
        {
            if (createdAt < windowStart)
            {
                seen.Remove(id); // outside the window: no query returns it again
            }
        }
        return output.ToString();
    }

    private static bool IsAfter(Notification notification, Notification other) =>
        notification.CreatedAt > other.CreatedAt || (notification.CreatedAt == other.CreatedAt && notification.Id.CompareTo(other.Id) > 0);

    private static async Task WriteAsync(HttpResponse response, string text, CancellationToken cancellationToken)
    {
        await response.WriteAsync(text, Encoding.UTF8, cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
