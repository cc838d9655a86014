using System.Net.Http.Headers;

namespace Platform.Notifications.Tests;

/// <summary>
/// Real PostgreSQL and RabbitMQ, two replicas of the notifications service writing their mail to a temporary pickup
/// folder, the token issuer they trust, and a publisher of contract events; started once for the collection. Tests
/// isolate themselves by using new user ids.
/// </summary>
public class NotificationsFixture : IAsyncLifetime
{
    public const string Service = "notifications";
    public const int Replicas = 2;

    protected virtual int ReplicaCount => Replicas;

    public DistributedApplication App { get; private set; } = null!;
    public TokenIssuer Tokens { get; private set; } = null!;
    public EventPublisher Events { get; private set; } = null!;
    public string DatabaseConnectionString { get; private set; } = "";

    /// <summary>Where the service writes each mail as an <c>.eml</c> file (this fixture's transport).</summary>
    public string PickupDirectory { get; } = Path.Combine(Path.GetTempPath(), "platform-notifications-tests-" + Guid.NewGuid().ToString("N"));

    public async ValueTask InitializeAsync()
    {
        var cancellation = TestContext.Current.CancellationToken;
        Tokens = await TokenIssuer.StartAsync(cancellation);
        await BeforeStartAsync(cancellation);
        var builder = DistributedApplicationTestingBuilder.Create().WithTestDefaults();
        var database = builder.AddPostgres("pg").RunAsLocalProcess().AddDatabase("notificationsdb");
        var messaging = builder.AddRabbitMQ("messaging").RunAsLocalProcess();
        var service = builder.AddProject<Projects.Platform_Notifications>(Service)
            .WithHttpEndpoint()
            .WithReference(database).WaitFor(database)
            .WithReference(messaging).WaitFor(messaging)
            .WithEnvironment("Jwt__JwksUrl", Tokens.JwksUrl)
            .WithHttpHealthCheck("/health")
            .WithReplicas(ReplicaCount);
        foreach (var (name, value) in EmailEnvironment())
        {
            service.WithEnvironment(name, value);
        }
        App = await builder.BuildAsync(cancellation);
        await App.StartAsync(cancellation);
        await App.WaitForResourceHealthyAsync(Service, cancellationToken: cancellation);
        DatabaseConnectionString = await App.GetRequiredConnectionStringAsync("notificationsdb", cancellation);
        Events = await EventPublisher.ConnectAsync(await App.GetRequiredConnectionStringAsync("messaging", cancellation), cancellation);
    }

    protected virtual Task BeforeStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual IEnumerable<(string Name, string Value)> EmailEnvironment() => [("Email__PickupDirectory", PickupDirectory)];

    /// <summary>A client of one replica of the service, optionally sending a bearer token.</summary>
    public HttpClient Client(string? token = null, int replica = 0)
    {
        var client = App.CreateHttpClient(Service, replica: replica);
        client.Timeout = TimeSpan.FromSeconds(30);
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return client;
    }

    /// <summary>The mail files written so far that are addressed to <paramref name="address"/>.</summary>
    public IReadOnlyList<string> MailsTo(string address)
    {
        if (!Directory.Exists(PickupDirectory))
        {
            return [];
        }
        var mails = new List<string>();
        foreach (var file in Directory.EnumerateFiles(PickupDirectory, "*.eml"))
        {
            try
            {
                var text = MailText.Unfold(File.ReadAllText(file));
                if (text.Contains($"<{address}>", StringComparison.OrdinalIgnoreCase))
                {
                    mails.Add(text);
                }
            }
            catch (IOException)
            {
                // Being written; the next look sees it.
            }
        }
        return mails;
    }

    public Task<T> QueryScalarAsync<T>(string sql, params (string Name, object Value)[] parameters) =>
        Sql.ScalarAsync<T>(DatabaseConnectionString, sql, TestContext.Current.CancellationToken, parameters);

    public Task<long> CountNotificationsAsync(Guid userId, string? kind = null) => kind is null
        ? QueryScalarAsync<long>("SELECT count(*) FROM notifications WHERE user_id = @u", ("u", userId))
        : QueryScalarAsync<long>("SELECT count(*) FROM notifications WHERE user_id = @u AND kind = @k", ("u", userId), ("k", kind));

    /// <summary>Waits until every notification of the user has left the email queue (sent, skipped or failed).</summary>
    public Task EmailsSettledAsync(Guid userId, long expectedNotifications) => Eventually.HoldsAsync(
        async () => await CountNotificationsAsync(userId) == expectedNotifications
            && await QueryScalarAsync<long>("SELECT count(*) FROM notifications WHERE user_id = @u AND email_status = 'pending'", ("u", userId)) == 0,
        TimeSpan.FromSeconds(30), $"user {userId} has {expectedNotifications} notifications and no pending email",
        TestContext.Current.CancellationToken);

    public virtual async ValueTask DisposeAsync()
    {
        if (Events is not null)
        {
            await Events.DisposeAsync();
        }
        if (App is not null)
        {
            await App.DisposeAsync();
        }
        if (Tokens is not null)
        {
            await Tokens.DisposeAsync();
        }
        if (Directory.Exists(PickupDirectory))
        {
            Directory.Delete(PickupDirectory, recursive: true);
        }
        GC.SuppressFinalize(this);
    }
}

/// <summary>The service sends quoted-printable text, which breaks long lines with a soft "=" line end.</summary>
public static class MailText
{
    public static string Unfold(string mail) => mail.Replace("=\r\n", "", StringComparison.Ordinal);
}

[CollectionDefinition]
public sealed class NotificationsCollection : ICollectionFixture<NotificationsFixture>;
