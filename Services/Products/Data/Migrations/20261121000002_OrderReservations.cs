using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Platform.Products.Data.Migrations;

[DbContext(typeof(ProductsDbContext))]
[Migration("20261121000002_OrderReservations")]
public sealed class OrderReservations : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "order_reservations",
            columns: table => new
            {
                OrderId = table.Column<Guid>(name: "order_id", type: "uuid", nullable: false),
                Status = table.Column<string>(name: "status", type: "character varying(32)", maxLength: 32, nullable: false),
                Lines = table.Column<string>(name: "lines", type: "jsonb", nullable: false),
                UpdatedAt = table.Column<DateTimeOffset>(name: "updated_at", type: "timestamp with time zone", nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_order_reservations", r => r.OrderId));
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("order_reservations");
}
