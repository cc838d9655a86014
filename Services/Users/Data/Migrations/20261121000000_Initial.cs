using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Platform.EventBus;

namespace Platform.Users.Data.Migrations;

[DbContext(typeof(UsersDbContext))]
[Migration("20261121000000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "users",
            columns: table => new
            {
                Id = table.Column<Guid>(name: "id", type: "uuid", nullable: false),
                Username = table.Column<string>(name: "username", type: "text", nullable: false),
                NormalizedUsername = table.Column<string>(name: "normalized_username", type: "text", nullable: false),
                Email = table.Column<string>(name: "email", type: "text", nullable: false),
                NormalizedEmail = table.Column<string>(name: "normalized_email", type: "text", nullable: false),
                PasswordHash = table.Column<string>(name: "password_hash", type: "text", nullable: false),
                Role = table.Column<string>(name: "role", type: "text", nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(name: "created_at", type: "timestamp with time zone", nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_users", u => u.Id));
        migrationBuilder.CreateIndex(UsersDbContext.UsernameIndex, "users", "normalized_username", unique: true);
        migrationBuilder.CreateIndex(UsersDbContext.EmailIndex, "users", "normalized_email", unique: true);
        migrationBuilder.CreateEventBusTables();
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropEventBusTables();
        migrationBuilder.DropTable("users");
    }
}
