namespace Platform.Hosting.Tests;

/// <summary>The exact variables of the environment contract, computed from a built (not started) model.</summary>
public sealed class EnvironmentWiringTests
{
    [Fact]
    public async Task A_reference_to_each_server_gives_its_connection_string()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.Configuration["Parameters:pg-password"] = "pgSecret1";
        builder.Configuration["Parameters:cache-password"] = "cacheSecret2";
        builder.Configuration["Parameters:messaging-password"] = "rabbitSecret3";
        var postgres = builder.AddPostgres("pg");
        var usersDb = postgres.AddDatabase("usersdb");
        var cache = builder.AddRedis("cache");
        var messaging = builder.AddRabbitMQ("messaging");
        builder.AddProject<Projects.Platform_Hosting_TestApp>("client")
            .WithReference(usersDb).WithReference(cache).WithReference(messaging);

        await using var app = builder.Build();
        var environment = app.GetEnvironmentVariables("client");

        var pgPort = postgres.Resource.PrimaryEndpoint.GetPort();
        Assert.Equal($"Host=127.0.0.1;Port={pgPort};Username=postgres;Password=pgSecret1;Database=usersdb", environment["ConnectionStrings__usersdb"]);
        Assert.Equal($"127.0.0.1:{cache.Resource.PrimaryEndpoint.GetPort()},password=cacheSecret2", environment["ConnectionStrings__cache"]);
        Assert.Equal($"amqp://platform:rabbitSecret3@127.0.0.1:{messaging.Resource.PrimaryEndpoint.GetPort()}", environment["ConnectionStrings__messaging"]);
        Assert.DoesNotContain("ConnectionStrings__pg", environment.Keys);
    }

    [Fact]
    public async Task A_reference_to_a_project_lists_every_replica_for_service_discovery()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        var api = builder.AddProject<Projects.Platform_Hosting_TestApp>("api").WithReplicas(3);
        builder.AddProject<Projects.Platform_Hosting_TestApp>("client").WithReference(api);

        await using var app = builder.Build();
        var environment = app.GetEnvironmentVariables("client");

        var ports = api.Resource.GetEndpoint("http").AllocatedPorts;
        Assert.Equal(3, ports.Distinct().Count());
        for (var replica = 0; replica < 3; replica++)
        {
            Assert.Equal($"http://127.0.0.1:{ports[replica]}", environment[$"services__api__http__{replica}"]);
            Assert.Equal($"http://127.0.0.1:{ports[replica]}", app.GetEnvironmentVariables("api", replica)["ASPNETCORE_URLS"]);
            Assert.Equal($"service.instance.id=api-{replica}", app.GetEnvironmentVariables("api", replica)["OTEL_RESOURCE_ATTRIBUTES"]);
        }
        Assert.DoesNotContain("services__api__http__3", environment.Keys);
    }

    [Fact]
    public async Task Every_project_gets_the_telemetry_and_environment_variables()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.AddProject<Projects.Platform_Hosting_TestApp>("api");

        await using var app = builder.Build();
        var environment = app.GetEnvironmentVariables("api");

        Assert.Equal(app.ExecutionContext.OtlpEndpointUrl, environment["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        Assert.StartsWith("http://127.0.0.1:", environment["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        Assert.Equal("http/protobuf", environment["OTEL_EXPORTER_OTLP_PROTOCOL"]);
        Assert.Equal("api", environment["OTEL_SERVICE_NAME"]);
        Assert.Equal("service.instance.id=api-0", environment["OTEL_RESOURCE_ATTRIBUTES"]);
        Assert.Equal("Development", environment["ASPNETCORE_ENVIRONMENT"]);
        Assert.Equal("Development", environment["DOTNET_ENVIRONMENT"]);
    }

    [Fact]
    public async Task Parameters_come_from_configuration_and_secrets_are_generated_when_missing()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.Configuration["Parameters:greeting"] = "hello";
        var greeting = builder.AddParameter("greeting");
        var apiKey = builder.AddParameter("api-key", secret: true);
        builder.AddProject<Projects.Platform_Hosting_TestApp>("api")
            .WithEnvironment("GREETING", greeting)
            .WithEnvironment("API_KEY", apiKey)
            .WithEnvironment("PLAIN", "value");

        await using var app = builder.Build();
        var environment = app.GetEnvironmentVariables("api");

        Assert.Equal("hello", environment["GREETING"]);
        Assert.Equal("value", environment["PLAIN"]);
        Assert.Matches("^[A-Za-z0-9]{22}$", environment["API_KEY"]);
        Assert.DoesNotContain(environment["API_KEY"], apiKey.Resource.ToString());
    }

    [Fact]
    public async Task A_secret_can_be_generated_by_the_model()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        var key = builder.AddParameter("signing-key", () => "-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----");
        builder.AddProject<Projects.Platform_Hosting_TestApp>("api").WithEnvironment("Jwt__SigningKey", key);

        await using var app = builder.Build();

        Assert.True(key.Resource.Secret);
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", app.GetEnvironmentVariables("api")["Jwt__SigningKey"]);
    }

    [Fact]
    public void A_parameter_without_a_value_fails_the_build_naming_its_configuration_key()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.AddParameter("region");

        var error = Assert.Throws<DistributedApplicationException>(builder.Build);

        Assert.Contains("Parameters:region", error.Message);
    }

    [Fact]
    public async Task A_connection_string_resource_passes_the_configured_value_through()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.Configuration["ConnectionStrings:legacy"] = "Host=db.example;Database=legacy";
        var legacy = builder.AddConnectionString("legacy");
        builder.AddProject<Projects.Platform_Hosting_TestApp>("api").WithReference(legacy);

        await using var app = builder.Build();

        Assert.Equal("Host=db.example;Database=legacy", app.GetEnvironmentVariables("api")["ConnectionStrings__legacy"]);
    }

    [Fact]
    public void A_missing_connection_string_fails_the_build_naming_its_configuration_key()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.AddConnectionString("legacy");

        var error = Assert.Throws<DistributedApplicationException>(builder.Build);

        Assert.Contains("ConnectionStrings:legacy", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1users")]
    [InlineData("users_db")]
    [InlineData("users-")]
    [InlineData("users--db")]
    public void Invalid_resource_names_are_rejected(string name)
    {
        var builder = DistributedApplicationTestingBuilder.Create();

        Assert.ThrowsAny<ArgumentException>(() => builder.AddRedis(name));
    }

    [Fact]
    public void Resource_names_are_unique()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.AddRedis("cache");

        var error = Assert.Throws<DistributedApplicationException>(() => builder.AddRedis("Cache"));

        Assert.Contains("already exists", error.Message);
    }
}
