using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Dashboard.Otlp;
using Platform.Dashboard.Telemetry;

namespace Platform.Dashboard.Tests.Support;

/// <summary>The OTLP receiver hosted on a random loopback port, as the dashboard hosts it.</summary>
public sealed class ReceiverHost : IAsyncDisposable
{
    public const string ApiKey = "test-otlp-key-7c1f";

    private readonly WebApplication _app;

    private ReceiverHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public Uri BaseAddress { get; }
    public HttpClient Client { get; }
    public ResourceStore Resources => _app.Services.GetRequiredService<ResourceStore>();
    public TraceStore Traces => _app.Services.GetRequiredService<TraceStore>();
    public LogStore Logs => _app.Services.GetRequiredService<LogStore>();
    public MetricStore Metrics => _app.Services.GetRequiredService<MetricStore>();
    public TelemetryExport Export => _app.Services.GetRequiredService<TelemetryExport>();

    public static async Task<ReceiverHost> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Dashboard:Otlp:ApiKey"] = ApiKey,
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }
        builder.Services.AddOtlpReceiver(builder.Configuration);
        var app = builder.Build();
        app.MapOtlpReceiver();
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new ReceiverHost(app, new Uri(address));
    }

    public Uri Endpoint(string signal) => new(BaseAddress, $"/v1/{signal}");

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
