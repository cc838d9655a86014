namespace Platform.Notifications.Live;

/// <summary>The PostgreSQL <c>LISTEN/NOTIFY</c> channel of new notifications; the payload is the user id.</summary>
public static class NotificationChannel
{
    public const string Name = "notifications";
}
