namespace Platform.Orders.Data;

/// <summary>One line of an order, with the product's name and price as they were at checkout.</summary>
public sealed class OrderItem
{
    public Guid OrderId { get; set; }
    public int LineNumber { get; set; }
    public Guid ProductId { get; set; }
    public required string Name { get; set; }
    public int Quantity { get; set; }
    public decimal UnitPrice { get; set; }

    public decimal LineTotal => UnitPrice * Quantity;
}
