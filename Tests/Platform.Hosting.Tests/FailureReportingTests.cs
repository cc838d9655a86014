using Platform.Hosting.Orchestration;

namespace Platform.Hosting.Tests;

/// <summary>Failures are loud and specific: what is missing, what crashed, what timed out, and why.</summary>
public sealed class FailureReportingTests
{
    [Theory]
    [InlineData("Redis", "redis-server")]
    [InlineData("PostgreSQL", "postgresql")]
    [InlineData("RabbitMQ", "rabbitmq-server")]
    public async Task A_missing_server_binary_fails_the_resource_naming_the_package_to_install(string server, string package)
    {
        var cancellation = TestContext.Current.CancellationToken;
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.Configuration[$"AppHost:Binaries:{server}"] = "/nonexistent/bin";
        IResourceBuilder<IResource> resource = server switch
        {
            "Redis" => builder.AddRedis("server"),
            "PostgreSQL" => builder.AddPostgres("server"),
            _ => builder.AddRabbitMQ("server"),
        };
        builder.AddProject<Projects.Platform_Hosting_TestApp>("dependent").WaitFor(resource);
        await using var app = await builder.BuildAsync(cancellation);
        await app.StartAsync(cancellation);

        var failed = await app.WaitForResourceAsync("server", ResourceState.FailedToStart, cancellationToken: cancellation);
        var dependent = await app.WaitForResourceAsync("dependent", ResourceState.FailedToStart, cancellationToken: cancellation);

        Assert.Contains($"apt-get install -y {package}", failed.Message);
        Assert.Contains("/nonexistent/bin", failed.Message);
        Assert.Contains("'server'", dependent.Message);
        Assert.Contains(app.ResourceLogs.GetLogs("server"), line => line.Text.Contains(package, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_crashed_resource_shows_its_exit_code_and_its_dependents_say_so()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var builder = DistributedApplicationTestingBuilder.Create();
        // It never listens, so it is never healthy, and crashes after a moment.
        var crasher = builder.AddExecutable("crasher", "sh", ".", "-c", "sleep 0.5; echo 'cannot open config' >&2; exit 3")
            .WithHttpEndpoint(env: "PORT")
            .WithHttpHealthCheck("/");
        builder.AddProject<Projects.Platform_Hosting_TestApp>("dependent").WaitFor(crasher);
        await using var app = await builder.BuildAsync(cancellation);
        await app.StartAsync(cancellation);

        var crashed = await app.WaitForResourceAsync("crasher", s => s.State == ResourceState.Exited, "exited", cancellationToken: cancellation);
        var dependent = await app.WaitForResourceAsync("dependent", ResourceState.FailedToStart, cancellationToken: cancellation);

        Assert.Equal(3, crashed.ExitCode);
        Assert.Contains(app.ResourceLogs.GetLogs("crasher"), line => line.IsError && line.Text == "cannot open config");
        Assert.Contains("exit code 3", dependent.Message);
        Assert.Contains("cannot open config", dependent.Message);
    }

    [Fact]
    public async Task A_WaitFor_that_times_out_names_the_resource_its_state_and_its_last_log_lines()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var builder = DistributedApplicationTestingBuilder.Create(configure: options => options.WaitForTimeout = TimeSpan.FromSeconds(8));
        var never = builder.AddProject<Projects.Platform_Hosting_TestApp>("never-healthy")
            .WithEnvironment("HEALTHY_WHEN_FILE_EXISTS", "/nonexistent/ready")
            .WithHttpHealthCheck("/health");
        builder.AddProject<Projects.Platform_Hosting_TestApp>("waiter").WaitFor(never);
        await using var app = await builder.BuildAsync(cancellation);
        await app.StartAsync(cancellation);

        var waiter = await app.WaitForResourceAsync("waiter", ResourceState.FailedToStart, cancellationToken: cancellation);

        Assert.Contains("timed out after 8 s", waiter.Message);
        Assert.Contains("'never-healthy'", waiter.Message);
        Assert.Contains("Running, Unhealthy", waiter.Message);
        Assert.Contains("503", waiter.Message);
        Assert.Contains("Last lines of 'never-healthy'", waiter.Message);
        Assert.Contains("GET /health", waiter.Message);
    }

    [Fact]
    public async Task A_project_without_build_output_fails_saying_so()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.AddProject("ghost", new MissingProject());
        await using var app = await builder.BuildAsync(cancellation);
        await app.StartAsync(cancellation);

        var ghost = await app.WaitForResourceAsync("ghost", ResourceState.FailedToStart, cancellationToken: cancellation);

        Assert.Contains("no build output", ghost.Message);
    }

    private sealed class MissingProject : IProjectMetadata
    {
        public string ProjectPath => "/nonexistent/Ghost/Ghost.csproj";

        public string TargetPath => "/nonexistent/Ghost/bin/Ghost.dll";
    }
}
