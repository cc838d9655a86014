using Microsoft.EntityFrameworkCore;
using static Platform.EventBus.EventBusTables;

namespace Platform.EventBus;

public static class EventBusModelBuilderExtensions
{
    /// <summary>
    /// Adds the outbox (<see cref="OutboxMessage"/>) and the inbox (<see cref="InboxEntry"/>) to a service's
    /// model, so the service's migrations create their tables.
    /// </summary>
    public static ModelBuilder AddEventBus(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable(Outbox);
            outbox.HasKey(m => m.Id).HasName(OutboxKey);
            outbox.Property(m => m.Id).HasColumnName(OutboxColumns.Id).ValueGeneratedNever();
            outbox.Property(m => m.EventName).HasColumnName(OutboxColumns.EventName);
            outbox.Property(m => m.Payload).HasColumnName(OutboxColumns.Payload);
            outbox.Property(m => m.TraceParent).HasColumnName(OutboxColumns.TraceParent);
            outbox.Property(m => m.TraceState).HasColumnName(OutboxColumns.TraceState);
            outbox.Property(m => m.OccurredAt).HasColumnName(OutboxColumns.OccurredAt);
            outbox.Property(m => m.CreatedAt).HasColumnName(OutboxColumns.CreatedAt);
            outbox.Property(m => m.SentAt).HasColumnName(OutboxColumns.SentAt);
            outbox.HasIndex(m => m.CreatedAt).HasDatabaseName(OutboxUnsentIndex).HasFilter(OutboxUnsentFilter);
        });
        modelBuilder.Entity<InboxEntry>(inbox =>
        {
            inbox.ToTable(Inbox);
            inbox.HasKey(e => new { e.EventId, e.Consumer }).HasName(InboxKey);
            inbox.Property(e => e.EventId).HasColumnName(InboxColumns.EventId);
            inbox.Property(e => e.Consumer).HasColumnName(InboxColumns.Consumer);
            inbox.Property(e => e.EventName).HasColumnName(InboxColumns.EventName);
            inbox.Property(e => e.ProcessedAt).HasColumnName(InboxColumns.ProcessedAt);
        });
        return modelBuilder;
    }
}
