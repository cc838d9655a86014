namespace Aspire.Hosting;

/// <summary>
/// Where a run keeps its data: configuration <c>LocalProcesses:DataDirectory</c>, else the AppHost's git-ignored
/// <c>.data</c> folder. A run with randomized ports (as Aspire.Hosting.Testing starts one) keeps nothing.
/// </summary>
public static class LocalDataFolders
{
    public const string ConfigurationKey = "LocalProcesses:DataDirectory";

    public static string Root(IDistributedApplicationBuilder builder) =>
        builder.Configuration[ConfigurationKey] is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(builder.AppHostDirectory, ".data");

    public static bool KeepsNothing(IDistributedApplicationBuilder builder) =>
        bool.TryParse(builder.Configuration["DcpPublisher:RandomizePorts"], out var randomized) && randomized;
}
