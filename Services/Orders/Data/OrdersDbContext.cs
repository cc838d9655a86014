using Microsoft.EntityFrameworkCore;
using Platform.EventBus;

namespace Platform.Orders.Data;

public sealed class OrdersDbContext(DbContextOptions<OrdersDbContext> options) : DbContext(options)
{
    public const string IdempotencyKeyName = "pk_idempotency_records";

    public DbSet<Order> Orders => Set<Order>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Order>(order =>
        {
            order.ToTable("orders", table => table.HasCheckConstraint("ck_orders_status", "status IN ('Pending', 'Confirmed', 'Cancelled')"));
            order.HasKey(o => o.Id).HasName("pk_orders");
            order.Property(o => o.Id).HasColumnName("id");
            order.Property(o => o.UserId).HasColumnName("user_id");
            order.Property(o => o.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(20);
            order.Property(o => o.CreatedAt).HasColumnName("created_at");
            order.Property(o => o.Total).HasColumnName("total").HasColumnType("numeric(12,2)");
            order.ComplexProperty(o => o.ShippingAddress, address =>
            {
                address.Property(a => a.Name).HasColumnName("ship_name").HasMaxLength(OrderRules.NameMaxLength);
                address.Property(a => a.Line1).HasColumnName("ship_line1").HasMaxLength(OrderRules.AddressLineMaxLength);
                address.Property(a => a.Line2).HasColumnName("ship_line2").HasMaxLength(OrderRules.AddressLineMaxLength);
                address.Property(a => a.City).HasColumnName("ship_city").HasMaxLength(OrderRules.CityMaxLength);
                address.Property(a => a.PostalCode).HasColumnName("ship_postal_code").HasMaxLength(OrderRules.PostalCodeMaxLength);
                address.Property(a => a.Country).HasColumnName("ship_country").HasMaxLength(2);
            });
            order.Property(o => o.PaymentToken).HasColumnName("payment_token").HasMaxLength(200);
            order.Property(o => o.CardBrand).HasColumnName("card_brand").HasMaxLength(30);
            order.Property(o => o.CardLast4).HasColumnName("card_last4").HasMaxLength(4);
            order.Property(o => o.PaymentChargeId).HasColumnName("payment_charge_id").HasMaxLength(200);
            order.HasMany(o => o.Items).WithOne().HasForeignKey(i => i.OrderId).HasConstraintName("fk_order_items_orders");
            order.HasMany(o => o.History).WithOne().HasForeignKey(h => h.OrderId).HasConstraintName("fk_order_history_orders");
            order.HasIndex(o => new { o.UserId, o.CreatedAt }).HasDatabaseName("ix_orders_user_id_created_at");
            order.HasIndex(o => o.CreatedAt).HasDatabaseName("ix_orders_pending_created_at").HasFilter("status = 'Pending'");
        });

        modelBuilder.Entity<OrderItem>(item =>
        {
            item.ToTable("order_items", table => table.HasCheckConstraint("ck_order_items_quantity_positive", "quantity > 0"));
            item.HasKey(i => new { i.OrderId, i.LineNumber }).HasName("pk_order_items");
            item.Property(i => i.OrderId).HasColumnName("order_id");
            item.Property(i => i.LineNumber).HasColumnName("line_number");
            item.Property(i => i.ProductId).HasColumnName("product_id");
            item.Property(i => i.Name).HasColumnName("name").HasMaxLength(OrderRules.ProductNameMaxLength);
            item.Property(i => i.Quantity).HasColumnName("quantity");
            item.Property(i => i.UnitPrice).HasColumnName("unit_price").HasColumnType("numeric(12,2)");
            item.Ignore(i => i.LineTotal);
        });

        modelBuilder.Entity<OrderStatusEntry>(entry =>
        {
            entry.ToTable("order_history");
            entry.HasKey(h => h.Id).HasName("pk_order_history");
            entry.Property(h => h.Id).HasColumnName("id").UseIdentityAlwaysColumn();
            entry.Property(h => h.OrderId).HasColumnName("order_id");
            entry.Property(h => h.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(20);
            entry.Property(h => h.At).HasColumnName("at");
            entry.Property(h => h.Reason).HasColumnName("reason");
            entry.HasIndex(h => h.OrderId).HasDatabaseName("ix_order_history_order_id");
        });

        modelBuilder.Entity<IdempotencyRecord>(record =>
        {
            record.ToTable("idempotency_records");
            record.HasKey(r => new { r.UserId, r.Key }).HasName(IdempotencyKeyName);
            record.Property(r => r.UserId).HasColumnName("user_id");
            record.Property(r => r.Key).HasColumnName("key").HasMaxLength(OrderRules.IdempotencyKeyMaxLength);
            record.Property(r => r.Fingerprint).HasColumnName("fingerprint").HasMaxLength(64);
            record.Property(r => r.OrderId).HasColumnName("order_id");
            record.Property(r => r.CreatedAt).HasColumnName("created_at");
            record.HasOne<Order>().WithMany().HasForeignKey(r => r.OrderId).HasConstraintName("fk_idempotency_records_orders");
            record.HasIndex(r => r.OrderId).HasDatabaseName("ix_idempotency_records_order_id");
        });
        modelBuilder.AddEventBus();
    }
}
