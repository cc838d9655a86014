using Platform.Contracts;

namespace Platform.Notifications.Tests;

/// <summary>Events from the broker become notifications, and every notification a mail in the pickup folder.</summary>
[Collection<NotificationsCollection>]
public sealed class NotificationDeliveryTests(NotificationsFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_registered_user_is_welcomed_in_the_app_and_by_mail_at_the_registered_address()
    {
        var user = await TestUser.RegisterAsync(fixture);

        var page = await user.ListAsync(fixture);
        var welcome = Assert.Single(page.Items);
        Assert.Equal("welcome", welcome.Kind);
        Assert.Contains(user.Username, welcome.Title);
        Assert.Null(welcome.OrderId);
        Assert.Null(welcome.ReadAt);
        Assert.Equal(1, page.Unread);

        await fixture.EmailsSettledAsync(user.Id, 1);
        var mail = Assert.Single(fixture.MailsTo(user.Email));
        Assert.Contains("<no-reply@platform.local>", mail);
        Assert.Contains("text/plain", mail);
        Assert.Contains("text/html", mail);
        Assert.Equal("sent", await fixture.QueryScalarAsync<string>(
            "SELECT email_status FROM notifications WHERE user_id = @u", ("u", user.Id)));
        Assert.Equal(user.Email, await fixture.QueryScalarAsync<string>(
            "SELECT email FROM recipients WHERE user_id = @u", ("u", user.Id)));
    }

    [Fact]
    public async Task Confirmed_and_cancelled_orders_are_notified_with_order_id_total_and_reason()
    {
        var user = await TestUser.RegisterAsync(fixture);
        var confirmed = new OrderConfirmed(Guid.CreateVersion7(), user.Id, 123.4m);
        var cancelled = new OrderCancelled(Guid.CreateVersion7(), user.Id, [new OrderLine(Guid.NewGuid(), 2, 9.99m)], "Payment declined");

        await fixture.Events.PublishAsync(confirmed, Cancellation);
        await fixture.Events.PublishAsync(cancelled, Cancellation);
        await user.WaitForNotificationsAsync(fixture, 3);

        var items = (await user.ListAsync(fixture)).Items;
        var confirmation = Assert.Single(items, n => n.Kind == "order-confirmed");
        Assert.Equal(confirmed.OrderId, confirmation.OrderId);
        var shortId = confirmed.OrderId.ToString("N")[^8..].ToUpperInvariant();
        Assert.Contains(shortId, confirmation.Title);
        Assert.Contains("123.40", confirmation.Body);
        var cancellation = Assert.Single(items, n => n.Kind == "order-cancelled");
        Assert.Equal(cancelled.OrderId, cancellation.OrderId);
        Assert.Contains("Payment declined", cancellation.Body);

        await fixture.EmailsSettledAsync(user.Id, 3);
        var mails = fixture.MailsTo(user.Email);
        Assert.Equal(3, mails.Count);
        Assert.Contains(mails, m => m.Contains("Payment declined", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Mail_goes_to_the_address_the_user_changed_to()
    {
        var user = await TestUser.RegisterAsync(fixture);
        var newEmail = $"moved.{Guid.NewGuid():N}@example.test";

        await fixture.Events.PublishAsync(new UserUpdated(user.Id, user.Username, newEmail), Cancellation);
        // A late copy of the registration is older than the change and must not bring the old address back.
        await fixture.Events.PublishAsync(user.Registered with { Id = Guid.NewGuid() }, Cancellation);
        await fixture.Events.PublishAsync(new OrderConfirmed(Guid.CreateVersion7(), user.Id, 12m), Cancellation);
        await user.WaitForNotificationsAsync(fixture, 3);
        await fixture.EmailsSettledAsync(user.Id, 3);

        Assert.Single(fixture.MailsTo(newEmail), m => m.Contains("confirmed", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_same_event_delivered_twice_makes_one_notification_and_one_mail()
    {
        var user = TestUser.New(fixture);
        await fixture.Events.PublishAsync(user.Registered, Cancellation);
        await fixture.Events.PublishAsync(user.Registered, Cancellation);
        // The service handles one message at a time in queue order: once this is handled, so are both above.
        await fixture.Events.PublishAsync(new OrderConfirmed(Guid.CreateVersion7(), user.Id, 10m), Cancellation);
        await user.WaitForNotificationsAsync(fixture, 2);
        await fixture.EmailsSettledAsync(user.Id, 2);

        Assert.Equal(1, await fixture.CountNotificationsAsync(user.Id, "welcome"));
        Assert.Equal(2, fixture.MailsTo(user.Email).Count);
    }

    [Fact]
    public async Task An_event_handled_again_past_the_inbox_still_makes_one_notification_and_one_mail()
    {
        var user = await TestUser.RegisterAsync(fixture);
        await fixture.EmailsSettledAsync(user.Id, 1);

        // Forget that the event was handled, as if the inbox entry had been lost, and deliver it again.
        Assert.Equal(1L, await fixture.QueryScalarAsync<long>(
            "WITH deleted AS (DELETE FROM event_bus_inbox WHERE event_id = @e RETURNING 1) SELECT count(*) FROM deleted",
            ("e", user.Registered.Id)));
        await fixture.Events.PublishAsync(user.Registered, Cancellation);
        await Eventually.HoldsAsync(
            async () => await fixture.QueryScalarAsync<long>("SELECT count(*) FROM event_bus_inbox WHERE event_id = @e", ("e", user.Registered.Id)) == 1,
            TimeSpan.FromSeconds(30), "the redelivered event is handled again", Cancellation);
        await fixture.EmailsSettledAsync(user.Id, 1);

        Assert.Equal(1, await fixture.CountNotificationsAsync(user.Id));
        Assert.Single(fixture.MailsTo(user.Email));
    }

    [Fact]
    public async Task A_deleted_user_is_forgotten_with_their_notifications()
    {
        var user = await TestUser.RegisterAsync(fixture);
        await fixture.Events.PublishAsync(new OrderConfirmed(Guid.CreateVersion7(), user.Id, 5m), Cancellation);
        await user.WaitForNotificationsAsync(fixture, 2);

        await fixture.Events.PublishAsync(new UserDeleted(user.Id), Cancellation);
        await Eventually.HoldsAsync(async () => await fixture.CountNotificationsAsync(user.Id) == 0,
            TimeSpan.FromSeconds(30), "the deleted user's notifications are gone", Cancellation);

        Assert.Equal(0L, await fixture.QueryScalarAsync<long>("SELECT count(*) FROM recipients WHERE user_id = @u", ("u", user.Id)));
        Assert.Empty((await user.ListAsync(fixture)).Items);
    }

    [Fact]
    public async Task An_order_of_a_user_never_registered_is_stored_but_its_mail_skipped()
    {
        var user = TestUser.New(fixture);
        await fixture.Events.PublishAsync(new OrderConfirmed(Guid.CreateVersion7(), user.Id, 42m), Cancellation);
        await user.WaitForNotificationsAsync(fixture, 1);
        await fixture.EmailsSettledAsync(user.Id, 1);

        Assert.Equal("skipped", await fixture.QueryScalarAsync<string>(
            "SELECT email_status FROM notifications WHERE user_id = @u", ("u", user.Id)));
        Assert.Empty(fixture.MailsTo(user.Email));
    }
}
