using Microsoft.EntityFrameworkCore;
using Platform.EventBus;

namespace Platform.Products.Data;

public sealed class ProductsDbContext(DbContextOptions<ProductsDbContext> options) : DbContext(options)
{
    public DbSet<Product> Products => Set<Product>();
    public DbSet<OrderReservation> OrderReservations => Set<OrderReservation>();

    /// <summary>Set when the current transaction changed stock; <see cref="Catalog.CatalogCacheInvalidation"/> acts on it after commit.</summary>
    public bool CatalogChanged { get; set; }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Product>(product =>
        {
            product.ToTable("products", table => table.HasCheckConstraint("ck_products_stock_not_negative", "stock >= 0"));
            product.HasKey(p => p.Id).HasName("pk_products");
            product.Property(p => p.Id).HasColumnName("id");
            product.Property(p => p.Name).HasColumnName("name").HasMaxLength(ProductRules.NameMaxLength);
            product.Property(p => p.Description).HasColumnName("description").HasMaxLength(ProductRules.DescriptionMaxLength);
            product.Property(p => p.Price).HasColumnName("price").HasColumnType("numeric(12,2)");
            product.Property(p => p.Category).HasColumnName("category").HasMaxLength(ProductRules.CategoryMaxLength);
            product.Property(p => p.Stock).HasColumnName("stock");
            product.Property(p => p.CreatedAt).HasColumnName("created_at");
            product.Property(p => p.UpdatedAt).HasColumnName("updated_at");
            product.HasIndex(p => p.Category).HasDatabaseName("ix_products_category");
        });
        modelBuilder.Entity<OrderReservation>(reservation =>
        {
            reservation.ToTable("order_reservations");
            reservation.HasKey(r => r.OrderId).HasName("pk_order_reservations");
            reservation.Property(r => r.OrderId).HasColumnName("order_id");
            reservation.Property(r => r.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(32);
            reservation.Property(r => r.Lines).HasColumnName("lines").HasColumnType("jsonb");
            reservation.Property(r => r.UpdatedAt).HasColumnName("updated_at");
        });
        modelBuilder.AddEventBus();
    }
}
