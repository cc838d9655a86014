namespace Platform.Notifications.Data;

/// <summary>The values of <see cref="Notification.Kind"/>, as the API shows them.</summary>
public static class NotificationKinds
{
    public const string Welcome = "welcome";
    public const string OrderConfirmed = "order-confirmed";
    public const string OrderCancelled = "order-cancelled";
}
