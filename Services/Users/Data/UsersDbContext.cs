using Microsoft.EntityFrameworkCore;
using Platform.EventBus;

namespace Platform.Users.Data;

public sealed class UsersDbContext(DbContextOptions<UsersDbContext> options) : DbContext(options)
{
    public const string UsernameIndex = "ux_users_normalized_username";
    public const string EmailIndex = "ux_users_normalized_email";

    public DbSet<User> Users => Set<User>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<User>(user =>
        {
            user.ToTable("users");
            user.HasKey(u => u.Id).HasName("pk_users");
            user.Property(u => u.Id).HasColumnName("id").ValueGeneratedNever();
            user.Property(u => u.Username).HasColumnName("username");
            user.Property(u => u.NormalizedUsername).HasColumnName("normalized_username");
            user.Property(u => u.Email).HasColumnName("email");
            user.Property(u => u.NormalizedEmail).HasColumnName("normalized_email");
            user.Property(u => u.PasswordHash).HasColumnName("password_hash");
            user.Property(u => u.Role).HasColumnName("role");
            user.Property(u => u.CreatedAt).HasColumnName("created_at");
            user.HasIndex(u => u.NormalizedUsername).IsUnique().HasDatabaseName(UsernameIndex);
            user.HasIndex(u => u.NormalizedEmail).IsUnique().HasDatabaseName(EmailIndex);
        });
        modelBuilder.AddEventBus();
    }
}
