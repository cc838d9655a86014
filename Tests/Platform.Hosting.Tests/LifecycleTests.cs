using System.Diagnostics;
using Platform.Hosting.Launchers;
using Platform.Hosting.Processes;

namespace Platform.Hosting.Tests;

/// <summary>Nothing the AppHost starts outlives it: not after dispose, not after a SIGKILL of the AppHost.</summary>
public sealed class LifecycleTests
{
    [Fact]
    public async Task Disposing_the_application_stops_every_process_it_started()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Platform_AppHost>();
        builder.AddProject<Projects.Platform_Hosting_TestApp>("api").WithReplicas(2).WithHttpHealthCheck("/health");
        var app = await builder.BuildAsync(cancellation);
        IReadOnlyList<ProcessStatus> started;
        try
        {
            await app.StartAsync(cancellation);
            await Task.WhenAll(app.Model.Resources.Select(r => app.WaitForResourceHealthyAsync(r.Name, cancellationToken: cancellation)));
            started = ApplicationProcesses.Of(app);
        }
        finally
        {
            await app.DisposeAsync();
        }

        var names = started.Select(p => p.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "postgres", "redis-server", "beam.smp", "epmd", "dotnet" }, names);
        Assert.True(started.Count(p => p.Name == "postgres") > 1, "PostgreSQL's worker processes were not found");
        Assert.Empty(ProcessTable.StillAlive(started));
        Assert.False(Directory.Exists(app.ExecutionContext.DataDirectory), "the temporary data folder was left behind");
    }

    [Fact]
    public async Task Killing_the_AppHost_with_SIGKILL_takes_every_child_with_it()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var dataDirectory = Directory.CreateTempSubdirectory("platform-sigkill-").FullName;
        // The AppHost's children, orphaned by its death, come to this process, which collects them below.
        Unix.BecomeSubreaper();
        var appHost = new ProcessStartInfo(DotnetHost.Path)
        {
            ArgumentList = { new Projects.Platform_AppHost().TargetPath, $"--AppHost:DataDirectory={dataDirectory}", "--AppHost:RandomizePorts=true" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        using var host = Process.Start(appHost)!;
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            output.Enqueue(e.Data);
            if (e.Data.StartsWith("Platform is running", StringComparison.Ordinal)) running.TrySetResult();
        };
        host.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        host.BeginOutputReadLine();
        host.BeginErrorReadLine();

        IReadOnlyList<ProcessStatus> children = [];
        try
        {
            await running.Task.WaitAsync(TimeSpan.FromMinutes(2), cancellation)
                .ContinueWith(t => Assert.True(t.IsCompletedSuccessfully, $"The AppHost did not come up:{Environment.NewLine}{string.Join(Environment.NewLine, output.TakeLast(40))}"), TaskScheduler.Default);
            children = ProcessTable.DescendantsOf(host.Id);
            Assert.Superset(new HashSet<string> { "postgres", "redis-server", "beam.smp", "epmd" }, children.Select(p => p.Name).ToHashSet());

            Unix.Signal(host.Id, UnixSignal.Kill);
            await host.WaitForExitAsync(cancellation);

            var survivors = await ProcessTable.WaitUntilGoneAsync(children, TimeSpan.FromSeconds(15));
            Assert.True(survivors.Count == 0, $"Still running after the AppHost was killed: {string.Join(", ", survivors.Select(p => $"{p.Name}({p.Pid})"))}");
        }
        finally
        {
            if (!host.HasExited)
            {
                host.Kill(entireProcessTree: true);
            }
            foreach (var survivor in ProcessTable.StillAlive(children))
            {
                Unix.Signal(survivor.Pid, UnixSignal.Kill);
            }
            await ChildProcessSpawner.CollectOrphansAsync(TimeSpan.FromSeconds(5));
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
