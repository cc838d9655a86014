using Microsoft.EntityFrameworkCore;
using Platform.EventBus;

namespace Platform.Products.Data;

public sealed class ProductsDbContext(DbContextOptions<ProductsDbContext> options) : DbContext(options)
{
    public DbSet<Product> Products => Set<Product>();

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
        modelBuilder.AddEventBus();
    }
}
