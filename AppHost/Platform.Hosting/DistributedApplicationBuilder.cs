using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Dashboard;
using Platform.Hosting.ApplicationModel;
using Platform.Hosting.Dashboard;
using Platform.Hosting.Orchestration;
using Platform.Hosting.Testing;

namespace Platform.Hosting;

public sealed class DistributedApplicationBuilder : IDistributedApplicationBuilder
{
    private readonly HostApplicationBuilder _hostBuilder;
    private readonly List<IResource> _resources = [];
    private readonly DistributedApplicationOptions _options;
    private readonly Assembly _appHostAssembly;
    private readonly PortAllocator _ports = new();

    public DistributedApplicationBuilder(DistributedApplicationOptions options)
    {
        DistributedApplicationTestingHook.Current?.ConfigureOptions(options);
        _options = options;
        _appHostAssembly = options.Assembly ?? Assembly.GetEntryAssembly()
            ?? throw new DistributedApplicationException("The AppHost assembly is unknown: set DistributedApplicationOptions.Assembly.");
        AppHostDirectory = FindAppHostDirectory(_appHostAssembly);

        _hostBuilder = new HostApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = options.Args,
            ApplicationName = _appHostAssembly.GetName().Name,
            ContentRootPath = AppHostDirectory,
            EnvironmentName = options.EnvironmentName ?? System.Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environments.Development,
        });
        ConfigureLogging(_hostBuilder.Logging, options);

        var configuration = _hostBuilder.Configuration;
        var configuredDataDirectory = options.DataDirectory ?? configuration["AppHost:DataDirectory"];
        var randomizePorts = options.RandomizePorts ?? configuration.GetValue<bool?>("AppHost:RandomizePorts") ?? false;
        ExecutionContext = new DistributedApplicationExecutionContext
        {
            AppHostDirectory = AppHostDirectory,
            DataDirectory = configuredDataDirectory is not null
                ? Path.GetFullPath(configuredDataDirectory, AppHostDirectory)
                : options.IsTesting
                    ? Path.Combine(Path.GetTempPath(), $"platform-test-{Guid.NewGuid():N}")
                    : Path.Combine(AppHostDirectory, ".data"),
            IsDataEphemeral = configuredDataDirectory is null && options.IsTesting,
            RandomizePorts = randomizePorts,
            EnvironmentName = _hostBuilder.Environment.EnvironmentName,
            OtlpEndpointUrl = configuration["AppHost:OtlpEndpointUrl"]
                ?? $"http://{EndpointAnnotation.Host}:{(randomizePorts ? _ports.AllocateFreePort() : DashboardDefaults.OtlpPort)}",
            OtlpApiKey = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)),
        };
    }

    public ConfigurationManager Configuration => _hostBuilder.Configuration;

    public IHostEnvironment Environment => _hostBuilder.Environment;

    public IServiceCollection Services => _hostBuilder.Services;

    public string AppHostDirectory { get; }

    public DistributedApplicationExecutionContext ExecutionContext { get; }

    public IReadOnlyList<IResource> Resources => _resources;

    public IResourceBuilder<T> AddResource<T>(T resource) where T : IResource
    {
        if (_resources.Any(r => string.Equals(r.Name, resource.Name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DistributedApplicationException($"Cannot add resource '{resource.Name}': a resource of that name already exists.");
        }
        _resources.Add(resource);
        return CreateResourceBuilder(resource);
    }

    public IResourceBuilder<T> CreateResourceBuilder<T>(T resource) where T : IResource => new ResourceBuilder<T>(this, resource);

    public DistributedApplication Build()
    {
        DistributedApplicationTestingHook.Current?.OnBuilding(this);

        var model = new DistributedApplicationModel([.. _resources]);
        ResourceGraph.GetLevels(model.Resources); // rejects cycles and foreign resources before anything starts
        ModelValues.ResolveParameters(model.Resources, Configuration,
            _options.PersistGeneratedParameters ? UserSecretsStore.ForAssembly(_appHostAssembly) : null);
        ModelValues.AllocatePorts(model.Resources, _ports, ExecutionContext.RandomizePorts);

        Services.AddSingleton(model);
        Services.AddSingleton(ExecutionContext);
        Services.AddSingleton(_options);
        Services.AddSingleton(_ports);
        Services.AddSingleton<ResourceNotificationService>();
        Services.AddSingleton(new ResourceLoggerService(_options.ResourceLogCapacity));
        Services.AddSingleton<ConsoleOutput>();
        Services.AddSingleton<ApplicationOrchestrator>();
        Services.AddSingleton(sp => new ResourceCommandService(sp.GetRequiredService<ApplicationOrchestrator>()));
        if (IsDashboardEnabled)
        {
            // Registered before the orchestrator: it is up before the first resource starts and goes after the last stops.
            Services.AddSingleton(CreateDashboardOptions());
            Services.AddSingleton<DashboardResourceService>();
            Services.AddSingleton<DashboardHostedService>();
            Services.AddHostedService(sp => sp.GetRequiredService<DashboardHostedService>());
        }
        Services.AddHostedService<OrchestratorHostedService>();
        Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromMinutes(2));

        return new DistributedApplication(_hostBuilder.Build(), _options);
    }

    private bool IsDashboardEnabled => !_options.DisableDashboard && Configuration.GetValue("AppHost:Dashboard:Enabled", true);

    /// <summary>The dashboard's ports: fixed ones in development (stable bookmarks), free ones when ports are randomized.</summary>
    private DashboardOptions CreateDashboardOptions() => new()
    {
        UiPort = ExecutionContext.RandomizePorts
            ? _ports.AllocateFreePort()
            : _ports.ReserveFixedPort(DashboardDefaults.UiPort, "dashboard"),
        OtlpPort = new Uri(ExecutionContext.OtlpEndpointUrl).Port,
        OtlpApiKey = ExecutionContext.OtlpApiKey,
        Settings = Configuration.GetSection("Dashboard").AsEnumerable().ToList(),
    };

    /// <summary>The AppHost project's folder, recorded in the assembly by the build (as Aspire does), else the output folder.</summary>
    private static string FindAppHostDirectory(Assembly assembly) =>
        assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "apphostprojectpath")?.Value
        ?? AppContext.BaseDirectory;

    private static void ConfigureLogging(ILoggingBuilder logging, DistributedApplicationOptions options)
    {
        logging.ClearProviders();
        if (options.IsTesting)
        {
            return; // tests read resource logs and snapshots instead
        }
        logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        });
        logging.AddFilter("Microsoft", LogLevel.Warning);
        logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
    }
}
