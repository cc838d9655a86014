namespace Platform.Orders.Data;

public sealed class Order
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public OrderStatus Status { get; private set; } = OrderStatus.Pending;
    public DateTimeOffset CreatedAt { get; set; }
    public decimal Total { get; set; }

    public required ShippingAddress ShippingAddress { get; set; }

    /// <summary>The payment provider's token for the card; the card number and CVC are never stored.</summary>
    public required string PaymentToken { get; set; }
    public required string CardBrand { get; set; }
    public required string CardLast4 { get; set; }

    /// <summary>The provider's id of the successful charge, once confirmed.</summary>
    public string? PaymentChargeId { get; set; }

    public List<OrderItem> Items { get; set; } = [];
    public List<OrderStatusEntry> History { get; set; } = [];

    public static Order Place(Guid userId, ShippingAddress address, string paymentToken, string cardBrand, string cardLast4,
        IEnumerable<OrderItem> items, DateTimeOffset now)
    {
        now = ToStoredPrecision(now);
        var order = new Order
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            CreatedAt = now,
            ShippingAddress = address,
            PaymentToken = paymentToken,
            CardBrand = cardBrand,
            CardLast4 = cardLast4,
        };
        var number = 0;
        foreach (var item in items)
        {
            item.LineNumber = ++number;
            order.Items.Add(item);
        }
        order.Total = order.Items.Sum(i => i.LineTotal);
        order.History.Add(new OrderStatusEntry { Status = OrderStatus.Pending, At = now });
        return order;
    }

    /// <summary>Pending → Confirmed; false (and nothing changes) from any other status.</summary>
    public bool Confirm(string chargeId, DateTimeOffset now)
    {
        if (!ChangeStatus(OrderStatus.Confirmed, null, now))
        {
            return false;
        }
        PaymentChargeId = chargeId;
        return true;
    }

    /// <summary>Pending → Cancelled; false (and nothing changes) from any other status.</summary>
    public bool Cancel(string reason, DateTimeOffset now) => ChangeStatus(OrderStatus.Cancelled, reason, now);

    private bool ChangeStatus(OrderStatus status, string? reason, DateTimeOffset now)
    {
        if (Status != OrderStatus.Pending)
        {
            return false;
        }
        Status = status;
        History.Add(new OrderStatusEntry { Status = status, At = ToStoredPrecision(now), Reason = reason });
        return true;
    }

    /// <summary>PostgreSQL keeps microseconds: the answer given before saving must equal the one read back later.</summary>
    private static DateTimeOffset ToStoredPrecision(DateTimeOffset time) => time.AddTicks(-(time.Ticks % TimeSpan.TicksPerMicrosecond));
}
