using Microsoft.EntityFrameworkCore;
using Platform.EventBus;

namespace Platform.Notifications.Data;

public sealed class NotificationsDbContext(DbContextOptions<NotificationsDbContext> options) : DbContext(options)
{
    public const int KindMaxLength = 32;
    public const int TitleMaxLength = 200;
    public const int BodyMaxLength = 2000;
    public const int EmailStatusMaxLength = 16;
    public const int UsernameMaxLength = 200;
    public const int EmailMaxLength = 320;

    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<Recipient> Recipients => Set<Recipient>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Notification>(notification =>
        {
            notification.ToTable("notifications");
            notification.HasKey(n => n.Id).HasName("pk_notifications");
            notification.Property(n => n.Id).HasColumnName("id");
            notification.Property(n => n.UserId).HasColumnName("user_id");
            notification.Property(n => n.SourceEventId).HasColumnName("source_event_id");
            notification.Property(n => n.Kind).HasColumnName("kind").HasMaxLength(KindMaxLength);
            notification.Property(n => n.Title).HasColumnName("title").HasMaxLength(TitleMaxLength);
            notification.Property(n => n.Body).HasColumnName("body").HasMaxLength(BodyMaxLength);
            notification.Property(n => n.OrderId).HasColumnName("order_id");
            notification.Property(n => n.CreatedAt).HasColumnName("created_at");
            notification.Property(n => n.ReadAt).HasColumnName("read_at");
            notification.Property(n => n.EmailStatus).HasColumnName("email_status").HasMaxLength(EmailStatusMaxLength);
            notification.Property(n => n.EmailAttempts).HasColumnName("email_attempts");
            notification.Property(n => n.EmailNextAttemptAt).HasColumnName("email_next_attempt_at");
            notification.Property(n => n.EmailSentAt).HasColumnName("email_sent_at");
            notification.Property(n => n.EmailLastError).HasColumnName("email_last_error");
            notification.HasIndex(n => new { n.SourceEventId, n.UserId }).IsUnique().HasDatabaseName("ux_notifications_source_event_user");
            notification.HasIndex(n => new { n.UserId, n.CreatedAt }).HasDatabaseName("ix_notifications_user_created");
            // What the email dispatcher scans: only the few rows still waiting.
            notification.HasIndex(n => n.EmailNextAttemptAt).HasDatabaseName("ix_notifications_email_due")
                .HasFilter($"email_status = '{EmailStatuses.Pending}'");
        });
        modelBuilder.Entity<Recipient>(recipient =>
        {
            recipient.ToTable("recipients");
            recipient.HasKey(r => r.UserId).HasName("pk_recipients");
            recipient.Property(r => r.UserId).HasColumnName("user_id");
            recipient.Property(r => r.Username).HasColumnName("username").HasMaxLength(UsernameMaxLength);
            recipient.Property(r => r.Email).HasColumnName("email").HasMaxLength(EmailMaxLength);
            recipient.Property(r => r.UpdatedAt).HasColumnName("updated_at");
        });
        modelBuilder.AddEventBus();
    }
}
