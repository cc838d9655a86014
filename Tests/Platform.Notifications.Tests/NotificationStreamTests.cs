using System.Net.Http.Headers;
using System.Text.Json;
using Platform.Contracts;

namespace Platform.Notifications.Tests;

[Collection<NotificationsCollection>]
public sealed class NotificationStreamTests(NotificationsFixture fixture)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Streams_on_every_replica_send_a_notification_published_after_they_opened()
    {
        var user = await TestUser.RegisterAsync(fixture);
        // One replica handles the event; PostgreSQL's NOTIFY tells the other one's stream.
        var clients = Enumerable.Range(0, NotificationsFixture.Replicas).Select(replica => fixture.Client(user.Token, replica)).ToList();
        var streams = new List<ServerSentEvents>();
        try
        {
            foreach (var client in clients)
            {
                streams.Add(await ServerSentEvents.OpenAsync(client, "/api/notifications/stream", lastEventId: null, Cancellation));
            }
            Assert.All(streams, stream => Assert.Equal("text/event-stream", stream.ContentType));

            var order = new OrderConfirmed(Guid.CreateVersion7(), user.Id, 77m);
            await fixture.Events.PublishAsync(order, Cancellation);

            // Only what is new: the welcome notification existed before the streams opened.
            foreach (var stream in streams)
            {
                var received = await stream.NextEventAsync(TimeSpan.FromSeconds(20), Cancellation);
                Assert.Equal("notification", received.Event);
                var item = JsonSerializer.Deserialize<NotificationDto>(received.Data, Json)!;
                Assert.Equal("order-confirmed", item.Kind);
                Assert.Equal(order.OrderId, item.OrderId);
                Assert.Equal(item.Id.ToString(), received.Id);
            }
        }
        finally
        {
            foreach (var stream in streams)
            {
                await stream.DisposeAsync();
            }
            clients.ForEach(client => client.Dispose());
        }
    }

    [Fact]
    public async Task A_reconnecting_stream_first_sends_what_came_after_its_last_event_id()
    {
        var user = await TestUser.RegisterAsync(fixture);
        var welcome = Assert.Single((await user.ListAsync(fixture)).Items);
        var order = new OrderCancelled(Guid.CreateVersion7(), user.Id, [], "Out of stock");
        await fixture.Events.PublishAsync(order, Cancellation);
        await user.WaitForNotificationsAsync(fixture, 2);

        using var client = fixture.Client(user.Token);
        await using var stream = await ServerSentEvents.OpenAsync(client, "/api/notifications/stream", lastEventId: welcome.Id.ToString(), Cancellation);
        var missed = await stream.NextEventAsync(TimeSpan.FromSeconds(20), Cancellation);

        var item = JsonSerializer.Deserialize<NotificationDto>(missed.Data, Json)!;
        Assert.Equal("order-cancelled", item.Kind);
        Assert.Equal(order.OrderId, item.OrderId);
    }

    [Fact]
    public async Task Another_customers_notifications_never_reach_the_stream()
    {
        var watcher = await TestUser.RegisterAsync(fixture);
        var other = await TestUser.RegisterAsync(fixture);
        using var client = fixture.Client(watcher.Token);
        await using var stream = await ServerSentEvents.OpenAsync(client, "/api/notifications/stream", lastEventId: null, Cancellation);

        await fixture.Events.PublishAsync(new OrderConfirmed(Guid.CreateVersion7(), other.Id, 1m), Cancellation);
        var own = new OrderConfirmed(Guid.CreateVersion7(), watcher.Id, 2m);
        await fixture.Events.PublishAsync(own, Cancellation);

        var received = await stream.NextEventAsync(TimeSpan.FromSeconds(20), Cancellation);
        Assert.Equal(own.OrderId, JsonSerializer.Deserialize<NotificationDto>(received.Data, Json)!.OrderId);
    }
}

/// <summary>Reads a <c>text/event-stream</c> response with HttpClient, skipping comments.</summary>
internal sealed class ServerSentEvents : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private ServerSentEvents(HttpResponseMessage response, StreamReader reader) => (_response, _reader) = (response, reader);

    public string? ContentType => _response.Content.Headers.ContentType?.MediaType;

    /// <summary>Opens the stream and reads up to its first comment, by which time the server is subscribed.</summary>
    public static async Task<ServerSentEvents> OpenAsync(HttpClient client, string url, string? lastEventId, CancellationToken cancellationToken)
    {
        client.Timeout = Timeout.InfiniteTimeSpan;
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        var events = new ServerSentEvents(response, reader);
        while (await reader.ReadLineAsync(cancellationToken) is { } line && !line.StartsWith(':'))
        {
        }
        return events;
    }

    public async Task<(string? Id, string? Event, string Data)> NextEventAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        string? id = null, name = null;
        var data = new List<string>();
        try
        {
            while (await _reader.ReadLineAsync(timer.Token) is { } line)
            {
                if (line.Length == 0)
                {
                    if (data.Count > 0)
                    {
                        return (id, name, string.Join('\n', data));
                    }
                    id = name = null;
                    continue;
                }
                if (line.StartsWith(':'))
                {
                    continue;
                }
                var colon = line.IndexOf(':');
                var field = colon < 0 ? line : line[..colon];
                var value = colon < 0 ? "" : line[(colon + 1)..].TrimStart(' ');
                switch (field)
                {
                    case "id": id = value; break;
                    case "event": name = value; break;
                    case "data": data.Add(value); break;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"No event within {timeout.TotalSeconds:0} s.");
        }
        throw new EndOfStreamException("The server closed the stream.");
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        return ValueTask.CompletedTask;
    }
}
