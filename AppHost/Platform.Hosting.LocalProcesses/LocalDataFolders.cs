using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.LocalProcesses;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

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

    /// <summary>
    /// A folder for the run's files: <see cref="Root"/>'s <paramref name="name"/> folder, or, in a run that keeps
    /// nothing, a new temporary folder that is deleted when the application stops or is disposed.
    /// </summary>
    public static string Folder(IDistributedApplicationBuilder builder, string name)
    {
        if (!KeepsNothing(builder))
        {
            return Path.Combine(Root(builder), name);
        }
        var folder = Directory.CreateTempSubdirectory($"aspire-{name}-").FullName;
        builder.Services.TryAddSingleton<ThrowAwayData>();
        builder.Eventing.Subscribe<BeforeStartEvent>((@event, _) =>
        {
            @event.Services.GetRequiredService<ThrowAwayData>().Add(() =>
            {
                ThrowAwayData.Delete(folder);
                return Task.CompletedTask;
            });
            return Task.CompletedTask;
        });
        return folder;
    }
}
