using System.Diagnostics.Metrics;

namespace Platform.Notifications.Diagnostics;

/// <summary>
/// Meter <c>Platform.Notifications</c>; ServiceDefaults' OpenTelemetry listens to <c>Platform.*</c>, so creating
/// it through <see cref="IMeterFactory"/> is all the registration it needs.
/// </summary>
public sealed class NotificationsMetrics
{
    public const string MeterName = "Platform.Notifications";

    private readonly Counter<long> _created;
    private readonly Counter<long> _emailsSent;
    private readonly Counter<long> _emailsFailed;
    private readonly Counter<long> _emailsSkipped;

    public NotificationsMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _created = meter.CreateCounter<long>("platform.notifications.created", "{notification}", "Notifications stored (duplicates not counted).");
        _emailsSent = meter.CreateCounter<long>("platform.notifications.emails.sent", "{email}", "Emails handed to the SMTP server or pickup folder.");
        _emailsFailed = meter.CreateCounter<long>("platform.notifications.emails.failed", "{email}", "Failed email attempts (each retry counts).");
        _emailsSkipped = meter.CreateCounter<long>("platform.notifications.emails.skipped", "{email}", "Emails not sent: no transport configured or no known address.");
    }

    public void Created(string kind) => _created.Add(1, new KeyValuePair<string, object?>("platform.notifications.kind", kind));

    public void EmailSent() => _emailsSent.Add(1);

    public void EmailFailed() => _emailsFailed.Add(1);

    public void EmailSkipped(string reason) => _emailsSkipped.Add(1, new KeyValuePair<string, object?>("platform.notifications.reason", reason));
}
