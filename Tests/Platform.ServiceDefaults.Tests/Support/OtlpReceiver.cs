using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Platform.ServiceDefaults.Tests.Support;

/// <summary>An OTLP/HTTP endpoint that keeps every export it receives (POST /v1/traces, /v1/metrics, /v1/logs).</summary>
internal sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<OtlpExport> exports = new();
    private TestWebServer server = null!;

    public Uri Url => server.Url;

    public static async Task<OtlpReceiver> StartAsync(CancellationToken cancellationToken)
    {
        var receiver = new OtlpReceiver();
        receiver.server = await TestWebServer.StartAsync(app =>
        {
            app.Use(NotRecorded);
            app.MapPost("/v1/{signal}", receiver.ReceiveAsync);
        }, cancellationToken);
        return receiver;
    }

    /// <summary>The app under test listens to every activity of the process: keep the receiver's own requests out of its traces.</summary>
    private static Task NotRecorded(HttpContext context, RequestDelegate next)
    {
        if (context.Features.Get<IHttpActivityFeature>()?.Activity is { } activity)
        {
            activity.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
        }
        return next(context);
    }

    private async Task<IResult> ReceiveAsync(string signal, HttpRequest request)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, request.HttpContext.RequestAborted);
        exports.Enqueue(new OtlpExport(signal, request.ContentType, request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString()), body.ToArray()));
        return Results.Bytes([], "application/x-protobuf");
    }

    public IReadOnlyList<OtlpExport> Received(string signal) => exports.Where(e => e.Signal == signal).ToList();

    /// <summary>Waits until an export of <paramref name="signal"/> contains <paramref name="text"/>.</summary>
    public Task WaitForAsync(string signal, string text, CancellationToken cancellationToken) =>
        Eventually.TrueAsync(() => Received(signal).Any(e => e.Contains(text)), $"an OTLP {signal} export containing '{text}'", TimeSpan.FromSeconds(30), cancellationToken);

    public ValueTask DisposeAsync() => server.DisposeAsync();
}

internal sealed record OtlpExport(string Signal, string? ContentType, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    /// <summary>Protobuf keeps strings as raw UTF-8, so names and values can be found in the bytes.</summary>
    public bool Contains(string text) => Body.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(text)) >= 0;
}
