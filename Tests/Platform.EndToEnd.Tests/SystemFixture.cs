using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.EndToEnd.Tests.Dashboard;

namespace Platform.EndToEnd.Tests;

/// <summary>The real AppHost, started once per collection of whole-system tests; collections run one at a time.</summary>
public class SystemFixture : IAsyncLifetime
{
    public const string AdminEmail = "admin@platform.local";
    public const string AdminPassword = "Admin-Passw0rd-For-Tests";

    public DistributedApplication App { get; private set; } = null!;

    private readonly string _dashboardToken = Guid.NewGuid().ToString("N");

    /// <summary>Aspire's dashboard, started with this system when <see cref="WithDashboard"/>.</summary>
    public AspireDashboard Dashboard => new(App.GetEndpoint(AspireDashboard.ResourceName, "http"), _dashboardToken);

    protected virtual bool WithDashboard => true;

    protected virtual int PermitsPerUser => 60;

    /// <summary>Short enough for the test of a stopped service to wait it out (the gateway's default is 30 s).</summary>
    protected virtual TimeSpan UpstreamTimeout => TimeSpan.FromSeconds(10);

    public async ValueTask InitializeAsync()
    {
        var builder = (WithDashboard
            ? await DistributedApplicationTestingBuilder.CreateAsync<Projects.Platform_AppHost>(
                AspireDashboard.AppHostArguments(_dashboardToken), (options, _) => options.DisableDashboard = false, TestContext.Current.CancellationToken)
            : await DistributedApplicationTestingBuilder.CreateAsync<Projects.Platform_AppHost>(TestContext.Current.CancellationToken)).WithTestDefaults();
        builder.Configuration["Parameters:admin-password"] = AdminPassword;
        var gateway = (ProjectResource)builder.Resources.Single(r => r.Name == "gateway");
        // A per-user limit low enough to reach in a test, high enough for the admin's traffic in the others;
        // every test client shares 127.0.0.1, so the per-IP limit stays out of the way.
        var gatewayBuilder = builder.CreateResourceBuilder(gateway)
            .WithEnvironment("RateLimiting__PermitsPerUser", PermitsPerUser.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithEnvironment("RateLimiting__PermitsPerIp", "100000");
        foreach (var cluster in new[] { "users", "products", "orders", "notifications" })
        {
            gatewayBuilder.WithEnvironment($"ReverseProxy__Clusters__{cluster}__HttpRequest__ActivityTimeout", UpstreamTimeout.ToString());
        }
        var products = (ProjectResource)builder.Resources.Single(r => r.Name == "products");
        builder.CreateResourceBuilder(products)
            .WithEnvironment("Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics", "Information");

        var cancellation = TestContext.Current.CancellationToken;
        App = await builder.BuildAsync(cancellation);
        await App.StartAsync(cancellation);
        await App.WaitForAllResourcesHealthyAsync(TimeSpan.FromMinutes(3), cancellation);
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();

    public HttpClient CreateGatewayClient(string? accessToken = null)
    {
        var client = App.CreateHttpClient("gateway");
        if (accessToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }
        return client;
    }

    public async Task<string> LoginAsync(string email, string password, CancellationToken cancellationToken)
    {
        using var client = CreateGatewayClient();
        using var response = await client.PostAsJsonAsync("/api/users/login", new { email, password }, cancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"login of {email} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        var token = await response.Content.ReadFromJsonAsync<LoginResponse>(cancellationToken);
        return token!.AccessToken;
    }

    /// <summary>Registers a new customer with a unique email and returns its id, email, password and token.</summary>
    public async Task<Customer> RegisterCustomerAsync(CancellationToken cancellationToken)
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var (username, email, password) = ($"user_{suffix}", $"user_{suffix}@example.com", "Secret-Passw0rd");
        using var client = CreateGatewayClient();
        using var response = await client.PostAsJsonAsync("/api/users", new { username, email, password }, cancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var user = await response.Content.ReadFromJsonAsync<UserDto>(cancellationToken);
        return new Customer(user!.Id, username, email, password, await LoginAsync(email, password, cancellationToken));
    }
}

[CollectionDefinition(nameof(SystemCollection))]
public sealed class SystemCollection : ICollectionFixture<SystemFixture>;

/// <summary>A system of its own for the tests that stop, restart and kill parts of it, under load.</summary>
public sealed class DisruptedSystemFixture : SystemFixture
{
    protected override int PermitsPerUser => 100_000;

    // Under load, with replicas killed, a checkout may take longer than the test fixture's 10 s.
    protected override TimeSpan UpstreamTimeout => TimeSpan.FromSeconds(30);

    protected override bool WithDashboard => false;
}

[CollectionDefinition(nameof(DisruptedSystemCollection))]
public sealed class DisruptedSystemCollection : ICollectionFixture<DisruptedSystemFixture>;

public sealed record LoginResponse(string AccessToken, DateTimeOffset ExpiresAt);

public sealed record UserDto(JsonElement Id, string Username, string Email);

public sealed record Customer(JsonElement Id, string Username, string Email, string Password, string AccessToken);

public sealed record ProductDto(JsonElement Id, string Name, string Description, decimal Price, string Category, int Stock, string ImageUrl);

public sealed record ProductPage(List<ProductDto> Items, int Page, int PageSize, int Total);
