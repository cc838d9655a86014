using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Platform.Bench.Gateway;

/// <summary>The yardstick: Kestrel on 127.0.0.1 answering every request with the same JSON bytes.</summary>
internal sealed class ConstantJsonServer(WebApplication app, Uri address) : IAsyncDisposable
{
    public Uri Address { get; } = address;

    public static async Task<ConstantJsonServer> StartAsync(byte[] body)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.Run(context =>
        {
            context.Response.ContentType = "application/json";
            return context.Response.Body.WriteAsync(body).AsTask();
        });
        await app.StartAsync();
        return new ConstantJsonServer(app, new Uri(app.Urls.First()));
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();
}
