namespace Platform.Notifications.Tests;

/// <summary>The service with mail going to an in-test SMTP server, retrying after an outage within a second.</summary>
public sealed class SmtpNotificationsFixture : NotificationsFixture
{
    public FakeSmtpServer Smtp { get; private set; } = null!;

    protected override Task BeforeStartAsync(CancellationToken cancellationToken)
    {
        Smtp = FakeSmtpServer.Start();
        return Task.CompletedTask;
    }

    protected override IEnumerable<(string Name, string Value)> EmailEnvironment() =>
    [
        ("Email__SmtpHost", "127.0.0.1"),
        ("Email__SmtpPort", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("Email__FirstRetryDelay", "00:00:01"),
        ("Email__MaxRetryDelay", "00:00:02"),
        ("Email__SendTimeout", "00:00:05"),
    ];

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Smtp is not null)
        {
            await Smtp.DisposeAsync();
        }
    }
}

[CollectionDefinition]
public sealed class SmtpNotificationsCollection : ICollectionFixture<SmtpNotificationsFixture>;
