namespace Platform.Notifications.Tests;

[Collection<NoEmailTransportCollection>]
public sealed class NoEmailTransportTests(NoEmailTransportFixture fixture)
{
    [Fact]
    public async Task Without_a_mail_transport_notifications_are_stored_and_their_emails_skipped_after_one_warning()
    {
        var user = await TestUser.RegisterAsync(fixture);
        await fixture.EmailsSettledAsync(user.Id, 1);

        Assert.Equal("skipped", await fixture.QueryScalarAsync<string>(
            "SELECT email_status FROM notifications WHERE user_id = @u", ("u", user.Id)));
        var warnings = fixture.App.ResourceLogs.GetLogs(NotificationsFixture.Service)
            .Count(line => line.Text.Contains("No email transport configured", StringComparison.Ordinal));
        Assert.Equal(1, warnings);
    }
}
