using System.Net.Http.Json;
using Platform.Contracts;

namespace Platform.Notifications.Tests;

/// <summary>A customer as the users service would announce them, with a token of their own.</summary>
public sealed record TestUser(Guid Id, string Username, string Email, string Token, UserRegistered Registered)
{
    public static TestUser New(NotificationsFixture fixture)
    {
        var id = Guid.NewGuid();
        var username = $"user{id:N}"[..16];
        var email = $"{username}@example.test";
        return new TestUser(id, username, email, fixture.Tokens.Customer(id), new UserRegistered(id, username, email));
    }

    /// <summary>Publishes <see cref="Registered"/> and waits for the welcome notification.</summary>
    public static async Task<TestUser> RegisterAsync(NotificationsFixture fixture)
    {
        var user = New(fixture);
        await fixture.Events.PublishAsync(user.Registered, TestContext.Current.CancellationToken);
        await user.WaitForNotificationsAsync(fixture, 1);
        return user;
    }

    public async Task<NotificationPageDto> ListAsync(NotificationsFixture fixture, string query = "")
    {
        using var client = fixture.Client(Token);
        return (await client.GetFromJsonAsync<NotificationPageDto>("/api/notifications" + query, TestContext.Current.CancellationToken))!;
    }

    public Task WaitForNotificationsAsync(NotificationsFixture fixture, int count) => Eventually.HoldsAsync(
        async () => (await ListAsync(fixture)).Total >= count,
        TimeSpan.FromSeconds(30), $"{Username} has {count} notification(s)", TestContext.Current.CancellationToken);
}
