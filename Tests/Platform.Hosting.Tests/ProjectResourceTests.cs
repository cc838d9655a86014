using System.Net.Http.Json;
using Platform.Hosting.Orchestration;

namespace Platform.Hosting.Tests;

public sealed class ProjectResourceTests
{
    [Fact]
    public async Task A_project_with_three_replicas_runs_three_processes_and_a_referencing_project_sees_all_three()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var builder = DistributedApplicationTestingBuilder.Create();
        var api = builder.AddProject<Projects.Platform_Hosting_TestApp>("api").WithReplicas(3).WithHttpHealthCheck("/health");
        builder.AddProject<Projects.Platform_Hosting_TestApp>("client").WithReference(api).WithHttpHealthCheck("/health");
        await using var app = await builder.BuildAsync(cancellation);
        await app.StartAsync(cancellation);

        var apiSnapshot = await app.WaitForResourceHealthyAsync("api", cancellationToken: cancellation);
        await app.WaitForResourceHealthyAsync("client", cancellationToken: cancellation);

        Assert.Equal(3, apiSnapshot.Replicas.Length);
        Assert.Equal(3, apiSnapshot.Replicas.Select(r => r.ProcessId).Distinct().Count());
        var urls = apiSnapshot.Urls.Select(u => u.Url).ToList();
        Assert.Equal(3, urls.Distinct().Count());
        for (var replica = 0; replica < 3; replica++)
        {
            using var replicaClient = app.CreateHttpClient("api", replica: replica);
            Assert.Equal(apiSnapshot.Replicas[replica].ProcessId, await replicaClient.GetFromJsonAsync<int>("/pid", cancellation));
        }

        using var client = app.CreateHttpClient("client");
        var environment = await client.GetFromJsonAsync<Dictionary<string, string?>>("/env", cancellation);
        var discovered = environment!.Where(e => e.Key.StartsWith("services__api__", StringComparison.Ordinal)).ToDictionary();
        Assert.Equal(["services__api__http__0", "services__api__http__1", "services__api__http__2"], discovered.Keys.Order());
        Assert.Equal(urls.Order(), discovered.Values.Order());
    }

    [Fact]
    public async Task WaitFor_holds_a_project_until_its_dependency_is_healthy()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var readyFile = Path.Combine(Path.GetTempPath(), $"platform-gate-{Guid.NewGuid():N}");
        var builder = DistributedApplicationTestingBuilder.Create();
        var gate = builder.AddProject<Projects.Platform_Hosting_TestApp>("gate")
            .WithEnvironment("HEALTHY_WHEN_FILE_EXISTS", readyFile)
            .WithHttpHealthCheck("/health");
        builder.AddProject<Projects.Platform_Hosting_TestApp>("waiter").WaitFor(gate);
        await using var app = await builder.BuildAsync(cancellation);

        var history = new List<ResourceSnapshot>();
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var recorder = Task.Run(async () =>
        {
            await foreach (var snapshot in app.ResourceNotifications.WatchAsync(watching.Token))
            {
                lock (history)
                {
                    history.Add(snapshot);
                }
            }
        }, cancellation);
        await app.StartAsync(cancellation);

        await app.WaitForResourceAsync("gate", s => s.State == ResourceState.Running && s.HealthStatus is not null, "running and checked", cancellationToken: cancellation);
        await Task.Delay(TimeSpan.FromSeconds(2), cancellation);
        var waiter = app.ResourceNotifications.GetSnapshot("waiter");
        Assert.Equal(ResourceState.Waiting, waiter.State);
        Assert.Empty(waiter.Replicas);

        File.WriteAllText(readyFile, "");
        try
        {
            await app.WaitForResourceAsync("waiter", ResourceState.Running, cancellationToken: cancellation);
        }
        finally
        {
            File.Delete(readyFile);
        }
        await watching.CancelAsync();
        await recorder.ContinueWith(_ => { }, TaskScheduler.Default);

        List<ResourceSnapshot> ordered;
        lock (history)
        {
            ordered = [.. history];
        }
        var gateHealthy = ordered.FindIndex(s => s.Name == "gate" && s.IsHealthy);
        var waiterStarting = ordered.FindIndex(s => s.Name == "waiter" && s.State == ResourceState.Starting);
        Assert.True(gateHealthy >= 0 && waiterStarting > gateHealthy, "the waiter started before the gate was healthy");
    }
}
