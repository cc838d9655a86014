using System.Globalization;

namespace Platform.Notifications.Events;

/// <summary>How orders are named in notification texts.</summary>
internal static class OrderText
{
    /// <summary>
    /// The last 8 hex digits: enough for a customer to tell their orders apart. Not the first ones, which in a
    /// version-7 id are a timestamp shared by orders placed within the same minute.
    /// </summary>
    public static string ShortId(Guid orderId) => "#" + orderId.ToString("N")[^8..].ToUpperInvariant();

    public static string Amount(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
