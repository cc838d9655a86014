namespace Platform.Orders.Ordering;

/// <summary>Settings bound from configuration section <c>Orders</c>.</summary>
public sealed class OrdersOptions
{
    public const string SectionName = "Orders";

    /// <summary>An order still Pending this long after checkout is cancelled ("Timed out").</summary>
    public TimeSpan PendingTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often each replica looks for orders past their deadline.</summary>
    public TimeSpan DeadlineCheckInterval { get; set; } = TimeSpan.FromSeconds(10);
}
