using System.Reflection;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Hosting.ApplicationModel;

namespace Platform.Hosting.Testing;

/// <summary>Creates the application model of an AppHost, or an empty one, for a test.</summary>
public static class DistributedApplicationTestingBuilder
{
    /// <summary>
    /// Runs the entry point of the AppHost that contains <typeparamref name="TEntryPoint"/> (for example
    /// <c>Projects.Platform_AppHost</c>) up to its <c>Build()</c> call, and returns its model for the test to
    /// adjust, build and start. Ports are random and data lives in a temporary folder deleted on dispose.
    /// </summary>
    public static Task<IDistributedApplicationTestingBuilder> CreateAsync<TEntryPoint>(
        string[]? args = null, Action<DistributedApplicationOptions>? configure = null) where TEntryPoint : class =>
        CreateAsync(typeof(TEntryPoint).Assembly, args ?? [], configure);

    /// <summary>An empty model for a test to declare its own resources in.</summary>
    public static IDistributedApplicationTestingBuilder Create(string[]? args = null, Action<DistributedApplicationOptions>? configure = null)
    {
        var options = new DistributedApplicationOptions { Args = args ?? [], Assembly = Assembly.GetCallingAssembly() };
        ApplyTestingDefaults(options);
        configure?.Invoke(options);
        return new TestingBuilder(new DistributedApplicationBuilder(options));
    }

    private static async Task<IDistributedApplicationTestingBuilder> CreateAsync(
        Assembly appHostAssembly, string[] args, Action<DistributedApplicationOptions>? configure)
    {
        var entryPoint = appHostAssembly.EntryPoint
            ?? throw new InvalidOperationException($"Assembly {appHostAssembly.GetName().Name} has no entry point: is it an AppHost?");
        var hook = new DistributedApplicationTestingHook(options =>
        {
            options.Assembly = appHostAssembly;
            ApplyTestingDefaults(options);
            configure?.Invoke(options);
        });

        // The hook travels with this async flow only, so tests running in parallel do not see each other's.
        DistributedApplicationTestingHook.Install(hook);
        await Task.Run(() => RunUntilBuild(entryPoint, args));
        return new TestingBuilder(hook.CapturedBuilder
            ?? throw new InvalidOperationException($"The entry point of {appHostAssembly.GetName().Name} finished without calling Build()."));
    }

    private static void ApplyTestingDefaults(DistributedApplicationOptions options)
    {
        options.IsTesting = true;
        options.RandomizePorts ??= true;
        options.EchoResourceLogs = false;
        options.PersistGeneratedParameters = false;
    }

    private static void RunUntilBuild(MethodInfo entryPoint, string[] args)
    {
        try
        {
            var result = entryPoint.Invoke(null, entryPoint.GetParameters().Length == 0 ? null : [args]);
            if (result is Task task)
            {
                task.GetAwaiter().GetResult();
            }
        }
        catch (Exception exception) when (Unwrap(exception) is BuilderCapturedException)
        {
            // The entry point reached Build(): its builder is captured.
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(exception.InnerException).Throw();
        }
    }

    private static Exception Unwrap(Exception exception) =>
        exception is TargetInvocationException { InnerException: { } inner } ? Unwrap(inner) : exception;

    private sealed class TestingBuilder(DistributedApplicationBuilder inner) : IDistributedApplicationTestingBuilder
    {
        public ConfigurationManager Configuration => inner.Configuration;

        public IHostEnvironment Environment => inner.Environment;

        public IServiceCollection Services => inner.Services;

        public string AppHostDirectory => inner.AppHostDirectory;

        public DistributedApplicationExecutionContext ExecutionContext => inner.ExecutionContext;

        public IReadOnlyList<IResource> Resources => inner.Resources;

        public IResourceBuilder<T> AddResource<T>(T resource) where T : IResource => inner.AddResource(resource);

        public IResourceBuilder<T> CreateResourceBuilder<T>(T resource) where T : IResource => inner.CreateResourceBuilder(resource);

        public DistributedApplication Build() => inner.Build();

        public Task<DistributedApplication> BuildAsync(CancellationToken cancellationToken = default) => Task.FromResult(Build());
    }
}
