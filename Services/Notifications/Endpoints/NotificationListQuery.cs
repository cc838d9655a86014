using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace Platform.Notifications.Endpoints;

/// <summary>
/// The query string of <c>GET /api/notifications</c>, taken as text so that a malformed value is answered with a
/// validation problem naming the parameter rather than a bare 400.
/// </summary>
public sealed record NotificationListQuery(
    [property: FromQuery(Name = "page")] string? Page,
    [property: FromQuery(Name = "pageSize")] string? PageSize,
    [property: FromQuery(Name = "unreadOnly")] string? UnreadOnly)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public NotificationFilter? Validate(out Dictionary<string, string[]> errors)
    {
        errors = [];
        var page = ParseInt(Page, "page", 1, int.MaxValue, 1, errors);
        var pageSize = ParseInt(PageSize, "pageSize", 1, MaxPageSize, DefaultPageSize, errors);
        var unreadOnly = false;
        if (!string.IsNullOrWhiteSpace(UnreadOnly) && !bool.TryParse(UnreadOnly.Trim(), out unreadOnly))
        {
            errors["unreadOnly"] = ["unreadOnly must be true or false."];
        }
        return errors.Count > 0 ? null : new NotificationFilter(page, pageSize, unreadOnly);
    }

    private static int ParseInt(string? text, string name, int min, int max, int defaultValue, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return defaultValue;
        }
        if (int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }
        errors[name] = [$"{name} must be a whole number from {min} to {max}."];
        return defaultValue;
    }
}

public sealed record NotificationFilter(int Page, int PageSize, bool UnreadOnly);
