using Microsoft.AspNetCore.Http;

namespace Platform.Dashboard.Security;

/// <summary>The 401 answer: where to find a login link.</summary>
internal static class UnauthorizedPage
{
    private const string Html = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Dashboard: log in</title>
        <style>body{font:14px system-ui,sans-serif;background:#1e1f24;color:#ddd;display:grid;place-items:center;height:90vh}
        main{max-width:34rem;border:1px solid #444;padding:1.5rem 2rem;background:#26272d}code{color:#8fd18f}</style></head>
        <body><main><h1>Log in to the dashboard</h1>
        <p>This dashboard only opens through the login link the AppHost prints on its console:</p>
        <p><code>Dashboard: http://127.0.0.1:…/login?t=…</code></p>
        <p>Each link works once; after it is used the AppHost prints a fresh one.</p></main></body></html>
        """;

    public static Task WriteAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(Html);
    }
}
