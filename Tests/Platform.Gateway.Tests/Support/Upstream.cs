using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Platform.Gateway.Tests.Support;

/// <summary>
/// A stand-in service behind the gateway. By default it echoes what it received as <see cref="Echo"/>; a path
/// ending in one of the words below behaves as that word says.
/// </summary>
internal sealed class Upstream(string name) : IAsyncDisposable
{
    public const int DownloadSize = 20 * 1024 * 1024;

    private TestWebServer server = null!;

    public string Name { get; } = name;

    public Uri Url => server.Url;

    /// <summary>Completed by the test to let <c>/slow</c> write the rest of its response.</summary>
    public TaskCompletionSource ReleaseSlowResponse { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completed when a <c>/hold</c> request is cancelled by the gateway.</summary>
    public TaskCompletionSource HeldRequestAborted { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completed when a <c>/refuse-early</c> request has been reset.</summary>
    public TaskCompletionSource RefusedEarly { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static async Task<Upstream> StartAsync(string name, CancellationToken cancellationToken)
    {
        var upstream = new Upstream(name);
        upstream.server = await TestWebServer.StartAsync(app => app.Run(upstream.HandleAsync), cancellationToken);
        return upstream;
    }

    public Task StopAsync() => server.StopAsync();

    public Task StartAgainAsync(CancellationToken cancellationToken) => server.StartAsync(cancellationToken);

    public void Reset()
    {
        ReleaseSlowResponse = new(TaskCreationOptions.RunContinuationsAsynchronously);
        HeldRequestAborted = new(TaskCreationOptions.RunContinuationsAsynchronously);
        RefusedEarly = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private Task HandleAsync(HttpContext context) => Path.GetFileName(context.Request.Path.Value) switch
    {
        "download" => DownloadAsync(context),
        "slow" => SlowAsync(context),
        "upload" => UploadAsync(context),
        "hold" => HoldAsync(context),
        "broken" => Broken(context),
        "refuse-early" => RefuseEarlyAsync(context),
        "hop-by-hop" => HopByHopAsync(context),
        _ => EchoAsync(context),
    };

    private Task EchoAsync(HttpContext context)
    {
        var request = context.Request;
        return context.Response.WriteAsJsonAsync(new Echo(
            Name,
            request.Method,
            request.Path.Value!,
            request.QueryString.Value ?? "",
            request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString())), context.RequestAborted);
    }

    private static async Task DownloadAsync(HttpContext context)
    {
        var chunk = new byte[64 * 1024];
        for (var written = 0; written < DownloadSize; written += chunk.Length)
        {
            await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
        }
    }

    private async Task SlowAsync(HttpContext context)
    {
        await context.Response.WriteAsync("first;", context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        await ReleaseSlowResponse.Task.WaitAsync(TimeSpan.FromSeconds(30), context.RequestAborted);
        await context.Response.WriteAsync("rest", context.RequestAborted);
    }

    private static async Task UploadAsync(HttpContext context)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[16 * 1024];
        long total = 0;
        int read;
        while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            total += read;
        }
        await context.Response.WriteAsync($"{total}:{Convert.ToHexString(hash.GetHashAndReset())}", context.RequestAborted);
    }

    private async Task HoldAsync(HttpContext context)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            HeldRequestAborted.TrySetResult();
        }
    }

    private static Task Broken(HttpContext context)
    {
        context.Abort();
        return Task.CompletedTask;
    }

    /// <summary>Like a service whose own body limit is far below the gateway's: it reads a little and resets.</summary>
    private async Task RefuseEarlyAsync(HttpContext context)
    {
        await context.Request.Body.ReadAtLeastAsync(new byte[16 * 1024], 16 * 1024, throwOnEndOfStream: false, context.RequestAborted);
        context.Abort();
        RefusedEarly.TrySetResult();
    }

    private static Task HopByHopAsync(HttpContext context)
    {
        context.Response.Headers.Connection = "X-Upstream-Hop";
        context.Response.Headers["X-Upstream-Hop"] = "1";
        context.Response.Headers["Proxy-Upstream"] = "1";
        context.Response.Headers["X-Upstream-Kept"] = "1";
        return context.Response.WriteAsync("ok", context.RequestAborted);
    }

    public ValueTask DisposeAsync() => server.DisposeAsync();
}

/// <summary>What an upstream received; header names lower-case.</summary>
internal sealed record Echo(string Service, string Method, string Path, string Query, Dictionary<string, string> Headers)
{
    public static async Task<Echo> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        (await response.Content.ReadFromJsonAsync<Echo>(JsonSerializerOptions.Web, cancellationToken))!;
}
