using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Platform.Dashboard.Model;

namespace Platform.Dashboard.Endpoints;

/// <summary>A resource's console as a text download, and as a live tail (server-sent events).</summary>
internal static class ConsoleLogEndpoints
{
    public static void MapConsoleLogEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/console/{name}/download", (string name, string? replica, string? filter, IDashboardResourceService resources) =>
        {
            if (resources.GetResource(name) is null)
            {
                return Results.Problem($"There is no resource named '{name}'.", statusCode: StatusCodes.Status404NotFound);
            }
            var matching = new ConsoleLineFilter(replica, filter);
            var text = new StringBuilder();
            foreach (var line in resources.GetConsoleLines(name).Where(matching.Matches))
            {
                text.Append(line.Timestamp.ToString("O")).Append(' ').Append(line.Replica).Append(" | ").Append(line.Text).Append('\n');
            }
            var fileName = string.IsNullOrEmpty(replica) ? $"{name}.log" : $"{name}-{replica.Replace('/', '-')}.log";
            return Results.File(Encoding.UTF8.GetBytes(text.ToString()), "text/plain; charset=utf-8", fileName);
        });

        app.MapGet("/console/{name}/stream", StreamAsync);
    }

    /// <summary>Sends every line after <paramref name="after"/> as it is written, until the browser or the AppHost goes.</summary>
    private static async Task StreamAsync(
        string name, string? replica, string? filter, long? after,
        IDashboardResourceService resources, IHostApplicationLifetime lifetime, HttpContext context)
    {
        if (resources.GetResource(name) is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        var matching = new ConsoleLineFilter(replica, filter);
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-store";
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        try
        {
            await context.Response.WriteAsync(": tail\n\n", ending.Token);
            await context.Response.Body.FlushAsync(ending.Token);
            await foreach (var line in resources.WatchConsoleLinesAsync(name, ending.Token))
            {
                if (line.Number <= (after ?? 0) || !matching.Matches(line))
                {
                    continue;
                }
                var json = JsonSerializer.Serialize(new { n = line.Number, t = line.Timestamp, r = line.Replica, x = line.Text, e = line.IsError });
                await context.Response.WriteAsync($"id: {line.Number}\ndata: {json}\n\n", ending.Token);
                await context.Response.Body.FlushAsync(ending.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // The browser left, or the dashboard is stopping.
        }
    }
}
