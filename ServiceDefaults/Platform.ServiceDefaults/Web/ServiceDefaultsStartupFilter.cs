using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Platform.ServiceDefaults.Web;

/// <summary>
/// Puts the middleware every service needs in front of the application's own pipeline, so its place does not
/// depend on where Program.cs calls what: problem details for unhandled exceptions and for error responses
/// without a body.
/// </summary>
internal sealed class ServiceDefaultsStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        next(app);
    };
}
