using Microsoft.AspNetCore.Http;

namespace Platform.Dashboard.Components;

/// <summary>Answers 404 while still sending the page's own "not found" content.</summary>
public static class NotFoundStatus
{
    /// <summary>
    /// Blazor's static rendering sends no body when a component sets 404 itself (it expects a Router NotFoundPage),
    /// so the status is set as the response starts, after the page has rendered.
    /// </summary>
    public static void Set(HttpContext? context)
    {
        if (context is null)
        {
            return;
        }
        context.Response.OnStarting(() =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
    }
}
