using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.ServiceDefaults.Tests.Support;

/// <summary>A small real Kestrel app on 127.0.0.1 and a free port, without the service defaults.</summary>
internal sealed class TestWebServer(WebApplication app) : IAsyncDisposable
{
    public Uri Url { get; } = new(app.Urls.Single());

    public static async Task<TestWebServer> StartAsync(Action<WebApplication> map, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        map(app);
        await app.StartAsync(cancellationToken);
        return new TestWebServer(app);
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();
}
