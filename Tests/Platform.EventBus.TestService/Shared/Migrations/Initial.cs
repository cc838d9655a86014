using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Platform.EventBus.Testing.Migrations;

[DbContext(typeof(TestDbContext))]
[Migration("20250601000000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "handled_events",
            columns: table => new
            {
                Id = table.Column<long>(name: "id", type: "bigint", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                EventId = table.Column<Guid>(name: "event_id", type: "uuid", nullable: false),
                Handler = table.Column<string>(name: "handler", type: "text", nullable: false),
                HandledAt = table.Column<DateTimeOffset>(name: "handled_at", type: "timestamp with time zone", nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_handled_events", h => h.Id));
        migrationBuilder.CreateEventBusTables();
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropEventBusTables();
        migrationBuilder.DropTable("handled_events");
    }
}
