namespace Platform.Hosting.Dashboard;

/// <summary>The dashboard's fixed development ports, as an Aspire AppHost uses them.</summary>
internal static class DashboardDefaults
{
    public const int UiPort = 18888;

    public const int OtlpPort = 18889;
}
