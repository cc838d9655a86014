namespace Platform.EndToEnd.Tests.Dashboard;

/// <summary>
/// The Aspire dashboard of a test run, at its address and with the browser token of the login link. Aspire's
/// testing builder starts none; a whole-system fixture asks for one with <see cref="AppHostArguments"/>, and the
/// services then send it their telemetry.
/// </summary>
public sealed record AspireDashboard(Uri Url, string BrowserToken)
{
    public const string ResourceName = "aspire-dashboard";

    /// <summary>
    /// What the AppHost's launch profile sets for a developer: plain HTTP on loopback, the resource service the
    /// dashboard reads (served by the AppHost itself, so on a free port of its own), and a known browser token.
    /// The dashboard's own ports are randomized with the rest.
    /// </summary>
    public static string[] AppHostArguments(string browserToken) =>
    [
        "ASPNETCORE_URLS=http://127.0.0.1:0",
        "ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL=http://127.0.0.1:0",
        $"ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL=http://127.0.0.1:{FreePort.Next()}",
        "ASPIRE_ALLOW_UNSECURED_TRANSPORT=true",
        $"ASPIRE_DASHBOARD_FRONTEND_BROWSERTOKEN={browserToken}",
    ];

    public string LoginUrl => new Uri(Url, $"/login?t={BrowserToken}").ToString();

    public string PageUrl(string path) => new Uri(Url, path).ToString();

}
