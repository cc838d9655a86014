using Platform.Contracts;

namespace Platform.Notifications.Tests;

/// <summary>Mail through SMTP (an in-test server speaking just enough of it), and what an outage of it does.</summary>
[Collection<SmtpNotificationsCollection>]
public sealed class SmtpDeliveryTests(SmtpNotificationsFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Mail_goes_to_the_smtp_server_addressed_to_the_recipient()
    {
        var user = await TestUser.RegisterAsync(fixture);
        await fixture.Events.PublishAsync(new OrderConfirmed(Guid.CreateVersion7(), user.Id, 19.99m), Cancellation);
        await fixture.EmailsSettledAsync(user.Id, 2);

        var mails = fixture.Smtp.Received.Where(m => m.To.Contains(user.Email)).ToList();
        Assert.Equal(2, mails.Count);
        Assert.All(mails, m => Assert.Equal("no-reply@platform.local", m.From));
        Assert.Contains(mails, m => MailText.Unfold(m.Data).Contains("19.99", StringComparison.Ordinal));
        Assert.Equal(0L, await fixture.QueryScalarAsync<long>(
            "SELECT count(*) FROM notifications WHERE user_id = @u AND email_status <> 'sent'", ("u", user.Id)));
    }

    [Fact]
    public async Task An_smtp_outage_only_delays_the_mail()
    {
        var user = await TestUser.RegisterAsync(fixture);
        await fixture.EmailsSettledAsync(user.Id, 1);

        await fixture.Smtp.StopAsync();
        try
        {
            var order = new OrderCancelled(Guid.CreateVersion7(), user.Id, [], "Cancelled by you");
            await fixture.Events.PublishAsync(order, Cancellation);
            await Eventually.HoldsAsync(
                async () => await fixture.QueryScalarAsync<long>(
                    "SELECT count(*) FROM notifications WHERE user_id = @u AND email_status = 'pending' AND email_attempts >= 2 AND email_last_error IS NOT NULL",
                    ("u", user.Id)) == 1,
                TimeSpan.FromSeconds(30), "the mail failed twice and waits for another attempt", Cancellation);
        }
        finally
        {
            fixture.Smtp.Restart();
        }

        await fixture.EmailsSettledAsync(user.Id, 2);
        Assert.Equal(0L, await fixture.QueryScalarAsync<long>(
            "SELECT count(*) FROM notifications WHERE user_id = @u AND email_status <> 'sent'", ("u", user.Id)));
        Assert.Contains(fixture.Smtp.Received, m => m.To.Contains(user.Email) && MailText.Unfold(m.Data).Contains("Cancelled by you", StringComparison.Ordinal));
    }
}
