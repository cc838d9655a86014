using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Platform.EventBus;

namespace Platform.Products.Data.Migrations;

[DbContext(typeof(ProductsDbContext))]
[Migration("20261121000000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "products",
            columns: table => new
            {
                Id = table.Column<Guid>(name: "id", type: "uuid", nullable: false),
                Name = table.Column<string>(name: "name", type: "character varying(200)", maxLength: ProductRules.NameMaxLength, nullable: false),
                Description = table.Column<string>(name: "description", type: "character varying(4000)", maxLength: ProductRules.DescriptionMaxLength, nullable: false),
                Price = table.Column<decimal>(name: "price", type: "numeric(12,2)", nullable: false),
                Category = table.Column<string>(name: "category", type: "character varying(100)", maxLength: ProductRules.CategoryMaxLength, nullable: false),
                Stock = table.Column<int>(name: "stock", type: "integer", nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(name: "created_at", type: "timestamp with time zone", nullable: false),
                UpdatedAt = table.Column<DateTimeOffset>(name: "updated_at", type: "timestamp with time zone", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_products", p => p.Id);
                table.CheckConstraint("ck_products_stock_not_negative", "stock >= 0");
            });
        migrationBuilder.CreateIndex(name: "ix_products_category", table: "products", column: "category");
        migrationBuilder.CreateEventBusTables();
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropEventBusTables();
        migrationBuilder.DropTable("products");
    }
}
