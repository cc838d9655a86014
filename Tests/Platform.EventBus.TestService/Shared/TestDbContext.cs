using Microsoft.EntityFrameworkCore;

namespace Platform.EventBus.Testing;

/// <summary>A service's own DbContext, as the services have one: its data plus the event bus's outbox and inbox.</summary>
public sealed class TestDbContext(DbContextOptions<TestDbContext> options) : DbContext(options)
{
    public DbSet<HandledEvent> HandledEvents => Set<HandledEvent>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    public DbSet<InboxEntry> Inbox => Set<InboxEntry>();

    public static void Configure(DbContextOptionsBuilder options, string? connectionString) =>
        options.UseNpgsql(connectionString ?? throw new InvalidOperationException("No database connection string."));

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<HandledEvent>(handled =>
        {
            handled.ToTable("handled_events");
            handled.HasKey(h => h.Id).HasName("pk_handled_events");
            handled.Property(h => h.Id).HasColumnName("id").UseIdentityByDefaultColumn();
            handled.Property(h => h.EventId).HasColumnName("event_id");
            handled.Property(h => h.Handler).HasColumnName("handler");
            handled.Property(h => h.HandledAt).HasColumnName("handled_at");
        });
        modelBuilder.AddEventBus();
    }
}
