using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Platform.Notifications.Data;

namespace Platform.Notifications.Endpoints;

public static class NotificationEndpoints
{
    /// <summary>No endpoint reads a body; anything sizeable is refused before it is read (413).</summary>
    private const long MaxBodyBytes = 4 * 1024;

    public static IEndpointRouteBuilder MapNotificationEndpoints(this IEndpointRouteBuilder app)
    {
        var notifications = app.MapGroup("/api/notifications")
            .WithTags("Notifications")
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes))
            .RequireAuthorization(Caller.RequireUserId);

        notifications.MapGet("/", List).WithDescription("The caller's notifications, newest first, with the unread count.");
        notifications.MapPost("/{id}/read", MarkRead);
        notifications.MapPost("/read-all", MarkAllRead);
        notifications.MapGet("/stream", NotificationStream.StreamAsync)
            .WithDescription("Server-sent events: the caller's new notifications as they arrive; honours Last-Event-ID.");
        return app;
    }

    private static async Task<Results<Ok<NotificationPage>, ValidationProblem>> List(
        [AsParameters] NotificationListQuery query, ClaimsPrincipal principal, NotificationsDbContext db, CancellationToken cancellationToken)
    {
        if (query.Validate(out var errors) is not { } filter)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var userId = Caller.IdOf(principal);
        var own = db.Notifications.AsNoTracking().Where(n => n.UserId == userId);
        var unread = await own.CountAsync(n => n.ReadAt == null, cancellationToken);
        var matching = filter.UnreadOnly ? own.Where(n => n.ReadAt == null) : own;
        var total = filter.UnreadOnly ? unread : await own.CountAsync(cancellationToken);

        var skip = (long)(filter.Page - 1) * filter.PageSize;
        List<NotificationItem> items = skip >= total
            ? []
            : await matching.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
                .Skip((int)skip).Take(filter.PageSize)
                .Select(n => NotificationItem.From(n))
                .ToListAsync(cancellationToken);
        return TypedResults.Ok(new NotificationPage(items, unread, filter.Page, filter.PageSize, total));
    }

    private static async Task<Results<Ok<NotificationItem>, ValidationProblem, ProblemHttpResult>> MarkRead(
        string id, ClaimsPrincipal principal, NotificationsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var notificationId))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["id"] = ["The id must be a notification id (a GUID)."] });
        }
        var userId = Caller.IdOf(principal);
        var now = time.GetUtcNow();
        // Idempotent: only the first read sets the time.
        await db.Notifications.Where(n => n.Id == notificationId && n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAt, now), cancellationToken);
        var notification = await db.Notifications.AsNoTracking()
            .SingleOrDefaultAsync(n => n.Id == notificationId && n.UserId == userId, cancellationToken);
        return notification is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Notification not found",
                detail: $"You have no notification with id {notificationId}.")
            : TypedResults.Ok(NotificationItem.From(notification));
    }

    private static async Task<NoContent> MarkAllRead(
        ClaimsPrincipal principal, NotificationsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var userId = Caller.IdOf(principal);
        var now = time.GetUtcNow();
        await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAt, now), cancellationToken);
        return TypedResults.NoContent();
    }
}
