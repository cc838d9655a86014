using System.Text.Json.Serialization;
using Platform.Notifications.Data;

namespace Platform.Notifications.Endpoints;

public sealed record NotificationItem(
    Guid Id,
    string Kind,
    string Title,
    string Body,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? OrderId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ReadAt)
{
    public static NotificationItem From(Notification n) => new(n.Id, n.Kind, n.Title, n.Body, n.OrderId, n.CreatedAt, n.ReadAt);
}

/// <param name="Unread">All the caller's unread notifications, whatever the page and filter.</param>
/// <param name="Total">The notifications matching the filter, over all pages.</param>
public sealed record NotificationPage(IReadOnlyList<NotificationItem> Items, int Unread, int Page, int PageSize, int Total);
