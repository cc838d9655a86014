using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.Gateway.Tests.Support;

/// <summary>
/// A small real Kestrel app on 127.0.0.1, on a free port the first time; it can be stopped and started again on
/// the same port, as a service that goes down and comes back.
/// </summary>
internal sealed class TestWebServer(Action<WebApplication> map) : IAsyncDisposable
{
    private WebApplication? app;
    private Uri? url;

    public Uri Url => url ?? throw new InvalidOperationException("The server has not started yet.");

    public static async Task<TestWebServer> StartAsync(Action<WebApplication> map, CancellationToken cancellationToken)
    {
        var server = new TestWebServer(map);
        await server.StartAsync(cancellationToken);
        return server;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url?.ToString() ?? "http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        app = builder.Build();
        map(app);
        await app.StartAsync(cancellationToken);
        url = new Uri(app.Urls.Single());
    }

    public async Task StopAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
            app = null;
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());
}
