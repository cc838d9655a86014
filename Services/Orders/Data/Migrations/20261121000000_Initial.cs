using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using Platform.EventBus;

namespace Platform.Orders.Data.Migrations;

[DbContext(typeof(OrdersDbContext))]
[Migration("20261121000000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "orders",
            columns: table => new
            {
                Id = table.Column<Guid>(name: "id", type: "uuid", nullable: false),
                UserId = table.Column<Guid>(name: "user_id", type: "uuid", nullable: false),
                Status = table.Column<string>(name: "status", type: "character varying(20)", maxLength: 20, nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(name: "created_at", type: "timestamp with time zone", nullable: false),
                Total = table.Column<decimal>(name: "total", type: "numeric(12,2)", nullable: false),
                ShipName = table.Column<string>(name: "ship_name", type: "character varying(100)", maxLength: OrderRules.NameMaxLength, nullable: false),
                ShipLine1 = table.Column<string>(name: "ship_line1", type: "character varying(200)", maxLength: OrderRules.AddressLineMaxLength, nullable: false),
                ShipLine2 = table.Column<string>(name: "ship_line2", type: "character varying(200)", maxLength: OrderRules.AddressLineMaxLength, nullable: true),
                ShipCity = table.Column<string>(name: "ship_city", type: "character varying(100)", maxLength: OrderRules.CityMaxLength, nullable: false),
                ShipPostalCode = table.Column<string>(name: "ship_postal_code", type: "character varying(20)", maxLength: OrderRules.PostalCodeMaxLength, nullable: false),
                ShipCountry = table.Column<string>(name: "ship_country", type: "character varying(2)", maxLength: 2, nullable: false),
                PaymentToken = table.Column<string>(name: "payment_token", type: "character varying(200)", maxLength: 200, nullable: false),
                CardBrand = table.Column<string>(name: "card_brand", type: "character varying(30)", maxLength: 30, nullable: false),
                CardLast4 = table.Column<string>(name: "card_last4", type: "character varying(4)", maxLength: 4, nullable: false),
                PaymentChargeId = table.Column<string>(name: "payment_charge_id", type: "character varying(200)", maxLength: 200, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_orders", o => o.Id);
                table.CheckConstraint("ck_orders_status", "status IN ('Pending', 'Confirmed', 'Cancelled')");
            });
        migrationBuilder.CreateIndex(name: "ix_orders_user_id_created_at", table: "orders", columns: ["user_id", "created_at"]);
        migrationBuilder.CreateIndex(name: "ix_orders_pending_created_at", table: "orders", column: "created_at", filter: "status = 'Pending'");

        migrationBuilder.CreateTable(
            name: "order_items",
            columns: table => new
            {
                OrderId = table.Column<Guid>(name: "order_id", type: "uuid", nullable: false),
                LineNumber = table.Column<int>(name: "line_number", type: "integer", nullable: false),
                ProductId = table.Column<Guid>(name: "product_id", type: "uuid", nullable: false),
                Name = table.Column<string>(name: "name", type: "character varying(200)", maxLength: OrderRules.ProductNameMaxLength, nullable: false),
                Quantity = table.Column<int>(name: "quantity", type: "integer", nullable: false),
                UnitPrice = table.Column<decimal>(name: "unit_price", type: "numeric(12,2)", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_order_items", i => new { i.OrderId, i.LineNumber });
                table.ForeignKey("fk_order_items_orders", i => i.OrderId, "orders", "id", onDelete: ReferentialAction.Cascade);
                table.CheckConstraint("ck_order_items_quantity_positive", "quantity > 0");
            });

        migrationBuilder.CreateTable(
            name: "order_history",
            columns: table => new
            {
                Id = table.Column<long>(name: "id", type: "bigint", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                OrderId = table.Column<Guid>(name: "order_id", type: "uuid", nullable: false),
                Status = table.Column<string>(name: "status", type: "character varying(20)", maxLength: 20, nullable: false),
                At = table.Column<DateTimeOffset>(name: "at", type: "timestamp with time zone", nullable: false),
                Reason = table.Column<string>(name: "reason", type: "text", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_order_history", h => h.Id);
                table.ForeignKey("fk_order_history_orders", h => h.OrderId, "orders", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "ix_order_history_order_id", table: "order_history", column: "order_id");

        migrationBuilder.CreateTable(
            name: "idempotency_records",
            columns: table => new
            {
                UserId = table.Column<Guid>(name: "user_id", type: "uuid", nullable: false),
                Key = table.Column<string>(name: "key", type: "character varying(100)", maxLength: OrderRules.IdempotencyKeyMaxLength, nullable: false),
                Fingerprint = table.Column<string>(name: "fingerprint", type: "character varying(64)", maxLength: 64, nullable: false),
                OrderId = table.Column<Guid>(name: "order_id", type: "uuid", nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(name: "created_at", type: "timestamp with time zone", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey(OrdersDbContext.IdempotencyKeyName, r => new { r.UserId, r.Key });
                table.ForeignKey("fk_idempotency_records_orders", r => r.OrderId, "orders", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateEventBusTables();
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropEventBusTables();
        migrationBuilder.DropTable("idempotency_records");
        migrationBuilder.DropTable("order_history");
        migrationBuilder.DropTable("order_items");
        migrationBuilder.DropTable("orders");
    }
}
