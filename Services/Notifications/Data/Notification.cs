namespace Platform.Notifications.Data;

/// <summary>One message to one user about one event; also the state of its email.</summary>
public sealed class Notification
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }

    /// <summary>The integration event it was made from; (source event, user) is unique.</summary>
    public Guid SourceEventId { get; set; }

    public required string Kind { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }
    public Guid? OrderId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }

    public required string EmailStatus { get; set; }
    public int EmailAttempts { get; set; }

    /// <summary>When the dispatcher may (re)try the email: after a back-off, or after a claim's lease ran out.</summary>
    public DateTimeOffset EmailNextAttemptAt { get; set; }
    public DateTimeOffset? EmailSentAt { get; set; }
    public string? EmailLastError { get; set; }
}
