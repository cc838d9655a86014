using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Dashboard.Components;
using Platform.Dashboard.Endpoints;
using Platform.Dashboard.Model;
using Platform.Dashboard.Otlp;
using Platform.Dashboard.Security;

namespace Platform.Dashboard;

/// <summary>The dashboard's web server, run inside the AppHost process on 127.0.0.1 only.</summary>
public sealed class DashboardWebApplication : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DashboardWebApplication(WebApplication app, DashboardOptions options, LoginTokens tokens)
    {
        _app = app;
        Options = options;
        Tokens = tokens;
    }

    public DashboardOptions Options { get; }

    public LoginTokens Tokens { get; }

    /// <summary>The dashboard's services: its telemetry stores (ResourceStore, TraceStore…) for tools that fill or read them.</summary>
    public IServiceProvider Services => _app.Services;

    public string Url => $"http://{IPAddress.Loopback}:{Options.UiPort}";

    /// <summary>The URL that logs a browser in, with the current one-time token.</summary>
    public string LoginUrl => GetLoginUrl(Tokens.CurrentToken);

    public static DashboardWebApplication Create(DashboardOptions options, IDashboardResourceService resources)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(DashboardWebApplication).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        // Only the dashboard's own settings: nothing else of the AppHost's configuration (ASPNETCORE_URLS…) leaks in.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(options.Settings);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Dashboard:Otlp:ApiKey"] = options.OtlpApiKey,
            ["Dashboard:Otlp:Port"] = options.OtlpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        builder.Logging.ClearProviders();
        if (options.LogWarningsToConsole)
        {
            builder.Logging.AddSimpleConsole(console => console.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        }
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.UiPort);
            kestrel.Listen(IPAddress.Loopback, options.OtlpPort);
        });

        var tokens = new LoginTokens();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(tokens);
        builder.Services.AddSingleton(resources);
        builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider();
        builder.Services.AddRazorComponents();
        builder.Services.AddOtlpReceiver(builder.Configuration);

        var app = builder.Build();
        app.UseMiddleware<DashboardAuthenticationMiddleware>();
        app.UseAntiforgery();
        app.MapDashboardAssets();
        app.MapResourceCommands();
        app.MapConsoleLogEndpoints();
        app.MapTelemetryEndpoints();
        app.MapRazorComponents<App>();
        // The receiver answers on the OTLP port only; the pages' port never accepts telemetry.
        app.MapGroup("").RequireHost($"*:{options.OtlpPort}").MapOtlpReceiver();

        var dashboard = new DashboardWebApplication(app, options, tokens);
        tokens.TokenIssued += token => options.LoginUrlIssued?.Invoke(dashboard.GetLoginUrl(token));
        return dashboard;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _app.StartAsync(cancellationToken);
        Options.LoginUrlIssued?.Invoke(LoginUrl);
    }

    public Task StopAsync(CancellationToken cancellationToken) => _app.StopAsync(cancellationToken);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private string GetLoginUrl(string token) => $"{Url}/login?t={token}";
}
