using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Platform.Dashboard.Telemetry;

namespace Platform.Dashboard.Endpoints;

/// <summary>The telemetry download, and the long poll the live pages wait on (both behind the login cookie).</summary>
internal static class TelemetryEndpoints
{
    private static readonly TimeSpan LongPoll = TimeSpan.FromSeconds(25);

    public static void MapTelemetryEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/telemetry/export", async (TelemetryExport export, HttpContext context) =>
        {
            var fileName = $"platform-telemetry-{DateTimeOffset.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}.json";
            context.Response.ContentType = "application/json; charset=utf-8";
            context.Response.Headers.ContentDisposition = $"attachment; filename={fileName}";
            context.Response.Headers.CacheControl = "no-store";
            await export.WriteJsonAsync(context.Response.Body, context.RequestAborted);
        });

        // Answers with the store's version once it is newer than "after", or after a while with the same one.
        app.MapGet("/api/telemetry/changes", async Task<IResult> (string? store, long? after,
            LogStore logs, TraceStore traces, MetricStore metrics, IHostApplicationLifetime lifetime, HttpContext context) =>
        {
            Func<long, CancellationToken, Task<long>>? wait = store switch
            {
                "logs" => logs.WaitForChangeAsync,
                "traces" => traces.WaitForChangeAsync,
                "metrics" => metrics.WaitForChangeAsync,
                _ => null,
            };
            if (wait is null)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["store"] = ["One of: logs, traces, metrics."],
                });
            }
            using var ending = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
            ending.CancelAfter(LongPoll);
            var version = after ?? 0;
            try
            {
                version = await wait(version, ending.Token);
            }
            catch (OperationCanceledException)
            {
                // No change in time (or the browser left): the same version tells the page to ask again.
            }
            context.Response.Headers.CacheControl = "no-store";
            return TypedResults.Ok(new { version });
        });
    }
}
