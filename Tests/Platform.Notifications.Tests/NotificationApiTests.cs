using System.Net;
using System.Net.Http.Json;
using Platform.Contracts;

namespace Platform.Notifications.Tests;

[Collection<NotificationsCollection>]
public sealed class NotificationApiTests(NotificationsFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_customer_sees_only_their_own_notifications()
    {
        var owner = await TestUser.RegisterAsync(fixture);
        var stranger = TestUser.New(fixture);
        var ownersWelcome = Assert.Single((await owner.ListAsync(fixture)).Items);

        var strangersPage = await stranger.ListAsync(fixture);
        Assert.Empty(strangersPage.Items);
        Assert.Equal(0, strangersPage.Total);
        Assert.Equal(0, strangersPage.Unread);

        using var strangerClient = fixture.Client(stranger.Token);
        using var response = await strangerClient.PostAsync($"/api/notifications/{ownersWelcome.Id}/read", null, Cancellation);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(Assert.Single((await owner.ListAsync(fixture)).Items).ReadAt);
    }

    [Fact]
    public async Task Unread_count_follows_mark_read_and_read_all()
    {
        var user = await TestUser.RegisterAsync(fixture);
        await fixture.Events.PublishAsync(new OrderConfirmed(Guid.CreateVersion7(), user.Id, 1m), Cancellation);
        await fixture.Events.PublishAsync(new OrderConfirmed(Guid.CreateVersion7(), user.Id, 2m), Cancellation);
        await user.WaitForNotificationsAsync(fixture, 3);

        var page = await user.ListAsync(fixture);
        Assert.Equal(3, page.Unread);
        Assert.Equal(3, page.Total);
        Assert.Equal(["order-confirmed", "order-confirmed", "welcome"], page.Items.Select(n => n.Kind));
        Assert.True(page.Items[0].CreatedAt >= page.Items[1].CreatedAt && page.Items[1].CreatedAt >= page.Items[2].CreatedAt);

        using var client = fixture.Client(user.Token);
        var newest = page.Items[0];
        var read = await (await client.PostAsync($"/api/notifications/{newest.Id}/read", null, Cancellation))
            .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<NotificationDto>(Cancellation);
        Assert.NotNull(read!.ReadAt);
        var again = await (await client.PostAsync($"/api/notifications/{newest.Id}/read", null, Cancellation))
            .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<NotificationDto>(Cancellation);
        Assert.Equal(read.ReadAt, again!.ReadAt);

        Assert.Equal(2, (await user.ListAsync(fixture)).Unread);
        var unreadOnly = await user.ListAsync(fixture, "?unreadOnly=true&pageSize=1&page=2");
        Assert.Equal(2, unreadOnly.Total);
        Assert.Equal(page.Items[2].Id, Assert.Single(unreadOnly.Items).Id);

        using var readAll = await client.PostAsync("/api/notifications/read-all", null, Cancellation);
        Assert.Equal(HttpStatusCode.NoContent, readAll.StatusCode);
        var after = await user.ListAsync(fixture);
        Assert.Equal(0, after.Unread);
        Assert.All(after.Items, n => Assert.NotNull(n.ReadAt));
        Assert.Equal(read.ReadAt, after.Items.Single(n => n.Id == newest.Id).ReadAt);
    }

    [Theory]
    [InlineData("GET", "/api/notifications?page=-1", "page")]
    [InlineData("GET", "/api/notifications?page=abc", "page")]
    [InlineData("GET", "/api/notifications?pageSize=1000", "pageSize")]
    [InlineData("GET", "/api/notifications?pageSize=0", "pageSize")]
    [InlineData("GET", "/api/notifications?unreadOnly=maybe", "unreadOnly")]
    [InlineData("POST", "/api/notifications/not-a-guid/read", "id")]
    public async Task Bad_input_is_a_validation_problem_naming_the_field(string method, string url, string field)
    {
        var user = TestUser.New(fixture);
        using var client = fixture.Client(user.Token);
        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url), Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDto>(Cancellation);
        Assert.Equal(400, problem!.Status);
        Assert.True(problem.Errors?.ContainsKey(field), $"errors names {field}");
    }

    [Fact]
    public async Task An_unknown_notification_is_not_found()
    {
        var user = TestUser.New(fixture);
        using var client = fixture.Client(user.Token);
        using var response = await client.PostAsync($"/api/notifications/{Guid.NewGuid()}/read", null, Cancellation);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/api/notifications")]
    [InlineData("POST", "/api/notifications/read-all")]
    [InlineData("GET", "/api/notifications/stream")]
    public async Task Every_endpoint_needs_a_token(string method, string url)
    {
        using var client = fixture.Client();
        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url), Cancellation);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_endpoints()
    {
        using var client = fixture.Client();
        var document = await client.GetStringAsync("/openapi/v1.json", Cancellation);
        Assert.Contains("/api/notifications/{id}/read", document);
        Assert.Contains("/api/notifications/stream", document);
    }

    [Fact]
    public async Task Health_reports_the_event_bus_and_the_notification_listener()
    {
        using var client = fixture.Client(replica: 1);
        await Eventually.HoldsAsync(async () =>
            {
                var health = await client.GetStringAsync("/health", Cancellation);
                return health.Contains("notifications-listener", StringComparison.Ordinal)
                    && health.Contains("eventbus", StringComparison.Ordinal)
                    && !health.Contains("Degraded", StringComparison.Ordinal);
            },
            TimeSpan.FromSeconds(10), "the service reports itself healthy, listener included", Cancellation);
    }
}
