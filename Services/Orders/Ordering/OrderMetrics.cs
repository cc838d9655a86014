using System.Diagnostics.Metrics;

namespace Platform.Orders.Ordering;

/// <summary>Why an order was cancelled, as the <c>platform.orders.cancel_reason</c> tag.</summary>
public enum CancelReason
{
    OutOfStock,
    PaymentDeclined,
    Customer,
    TimedOut,
}

/// <summary>Counters of orders placed, confirmed and cancelled, on meter <c>Platform.Orders</c> (ServiceDefaults listens to <c>Platform.*</c>).</summary>
public sealed class OrderMetrics
{
    public const string MeterName = "Platform.Orders";

    private readonly Counter<long> _placed;
    private readonly Counter<long> _confirmed;
    private readonly Counter<long> _cancelled;

    public OrderMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _placed = meter.CreateCounter<long>("platform.orders.placed", "{order}", "Orders placed at checkout.");
        _confirmed = meter.CreateCounter<long>("platform.orders.confirmed", "{order}", "Orders confirmed: stock reserved and payment taken.");
        _cancelled = meter.CreateCounter<long>("platform.orders.cancelled", "{order}", "Orders cancelled, by reason.");
    }

    public void Placed() => _placed.Add(1);

    public void Confirmed() => _confirmed.Add(1);

    public void Cancelled(CancelReason reason) => _cancelled.Add(1, new KeyValuePair<string, object?>("platform.orders.cancel_reason", reason switch
    {
        CancelReason.OutOfStock => "out_of_stock",
        CancelReason.PaymentDeclined => "payment_declined",
        CancelReason.Customer => "customer",
        _ => "timed_out",
    }));
}
