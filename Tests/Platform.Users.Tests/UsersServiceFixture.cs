using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Npgsql;

namespace Platform.Users.Tests;

[CollectionDefinition(Name)]
public sealed class UsersServiceCollection : ICollectionFixture<UsersServiceFixture>
{
    public const string Name = "users service";
}

/// <summary>
/// PostgreSQL, RabbitMQ and the users service (a separate process) once for every test class of the collection.
/// Tests isolate themselves by unique usernames and emails, and by a client address of their own (X-Forwarded-For)
/// so login throttling of one test does not reach another.
/// </summary>
public sealed class UsersServiceFixture : IAsyncLifetime
{
    public const string AdminUsername = "root-admin";
    public const string AdminEmail = "admin@platform.test";
    public const string AdminPassword = "Adm1nistrator-Pass";

    public const string WithoutKey = "users-without-key";
    public const string WithPublicKey = "users-with-public-key";

    private static int _clients;
    private DistributedApplication? _app;

    /// <summary>The service's signing key; tests mint their own tokens with it.</summary>
    public RSA SigningKey { get; } = RSA.Create(2048);

    public string Database { get; private set; } = "";

    public EventTap Events { get; private set; } = null!;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var builder = DistributedApplicationTestingBuilder.Create().WithTestDefaults();
        var db = builder.AddPostgres("pg").RunAsLocalProcess().AddDatabase("usersdb");
        var messaging = builder.AddRabbitMQ("messaging").RunAsLocalProcess();
        builder.AddProject<Projects.Platform_Users>("users")
            .WithHttpEndpoint()
            .WithReference(db).WaitFor(db)
            .WithReference(messaging).WaitFor(messaging)
            .WithEnvironment("Jwt__SigningKey", SigningKey.ExportPkcs8PrivateKeyPem())
            .WithEnvironment("Admin__Username", AdminUsername)
            .WithEnvironment("Admin__Email", AdminEmail)
            .WithEnvironment("Admin__Password", AdminPassword)
            .WithHttpHealthCheck("/health")
            // Two replicas start together: both migrate and seed the admin, and must not fail doing it.
            .WithReplicas(2);
        // Instances that must refuse to start: one without a signing key, one with a public key in its place.
        builder.AddProject<Projects.Platform_Users>(WithoutKey).WithReference(db).WithReference(messaging);
        builder.AddProject<Projects.Platform_Users>(WithPublicKey).WithReference(db).WithReference(messaging)
            .WithEnvironment("Jwt__SigningKey", SigningKey.ExportSubjectPublicKeyInfoPem());
        _app = await builder.BuildAsync(cancellation);
        await _app.StartAsync(cancellation);
        await _app.WaitForResourceHealthyAsync("messaging", cancellationToken: cancellation);
        // Bound before the service registers anyone (the seeded admin included), so no event is missed.
        Events = await EventTap.StartAsync(await _app.GetRequiredConnectionStringAsync("messaging", cancellation), cancellation);
        await _app.WaitForResourceHealthyAsync("users", cancellationToken: cancellation);
        Database = await _app.GetRequiredConnectionStringAsync("usersdb", cancellation);
    }

    /// <summary>A client of the service with a client address of its own, optionally with a bearer token.</summary>
    public HttpClient CreateClient(string? accessToken = null, int replica = 0)
    {
        var client = App.CreateHttpClient("users", replica: replica);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", $"2001:db8::{Interlocked.Increment(ref _clients):x}");
        if (accessToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }
        return client;
    }

    /// <summary>Registers a new customer account and logs it in.</summary>
    public async Task<TestAccount> RegisterAsync(CancellationToken cancellationToken)
    {
        using var client = CreateClient();
        var account = TestAccount.New();
        var registered = await client.PostAsJsonAsync("/api/users", new { account.Username, account.Email, account.Password }, cancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.Created, registered.StatusCode);
        var body = await registered.Content.ReadFromJsonAsync<UserBody>(cancellationToken);
        return account with { Id = body!.Id, AccessToken = await LoginAsync(account.Email, account.Password, cancellationToken) };
    }

    public async Task<string> LoginAsync(string email, string password, CancellationToken cancellationToken)
    {
        using var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/users/login", new { email, password }, cancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<TokenBody>(cancellationToken))!.AccessToken;
    }

    public async Task<T?> QueryScalarAsync<T>(string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }
        return (T?)await command.ExecuteScalarAsync(cancellationToken);
    }

    public Task<long> CountUsersAsync(CancellationToken cancellationToken) =>
        QueryScalarAsync<long>("SELECT count(*) FROM users", cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (Events is not null)
        {
            await Events.DisposeAsync();
        }
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        SigningKey.Dispose();
    }
}

public sealed record TestAccount(Guid Id, string Username, string Email, string Password, string AccessToken)
{
    public static TestAccount New()
    {
        var tag = Guid.NewGuid().ToString("N")[..12];
        return new TestAccount(Guid.Empty, $"user_{tag}", $"user.{tag}@example.test", $"Secret-{tag}-X9", "");
    }
}

public sealed record UserBody(Guid Id, string Username, string Email);

public sealed record TokenBody(string AccessToken, DateTimeOffset ExpiresAt);
