namespace Platform.Notifications.Data;

/// <summary>The values of <see cref="Notification.EmailStatus"/>.</summary>
public static class EmailStatuses
{
    /// <summary>Waiting for the dispatcher (first try, or a retry after a failure).</summary>
    public const string Pending = "pending";
    public const string Sent = "sent";

    /// <summary>Not sent on purpose: no mail transport configured, or no known address for the user.</summary>
    public const string Skipped = "skipped";

    /// <summary>Given up after the configured number of attempts.</summary>
    public const string Failed = "failed";
}
