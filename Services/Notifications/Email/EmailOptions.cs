namespace Platform.Notifications.Email;

/// <summary>Configuration section <c>Email</c>: where mail goes and how the dispatcher retries.</summary>
public sealed class EmailOptions
{
    public const string SectionName = "Email";

    public string From { get; set; } = "Platform <no-reply@platform.local>";

    /// <summary>Set: mail goes to this SMTP server (takes precedence over <see cref="PickupDirectory"/>).</summary>
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 25;
    public string? SmtpUserName { get; set; }
    public string? SmtpPassword { get; set; }
    public bool SmtpEnableSsl { get; set; }

    /// <summary>Set (and no SMTP host): each mail is written there as an <c>.eml</c> file, as in Development.</summary>
    public string? PickupDirectory { get; set; }

    /// <summary>How often the dispatcher looks for due mail when no new notification wakes it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
    public int BatchSize { get; set; } = 20;

    /// <summary>The first retry after a failed attempt; each further one waits twice as long, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(5);
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Attempts before a mail is given up (status <c>failed</c>); with the defaults about four hours of outage.</summary>
    public int MaxAttempts { get; set; } = 50;

    /// <summary>How long one SMTP conversation may take.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public EmailTransport Transport =>
        !string.IsNullOrWhiteSpace(SmtpHost) ? EmailTransport.Smtp
        : !string.IsNullOrWhiteSpace(PickupDirectory) ? EmailTransport.PickupDirectory
        : EmailTransport.None;
}

public enum EmailTransport
{
    None,
    Smtp,
    PickupDirectory,
}
