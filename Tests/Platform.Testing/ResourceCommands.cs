using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Platform.Testing;

/// <summary>The dashboard's Stop, Start and Restart commands, failing the test when the command fails.</summary>
public static class ResourceCommands
{
    public static Task StopResourceAsync(this DistributedApplication app, string resourceName, CancellationToken cancellationToken = default) =>
        app.ExecuteAsync(resourceName, KnownResourceCommands.StopCommand, cancellationToken);

    public static Task StartResourceAsync(this DistributedApplication app, string resourceName, CancellationToken cancellationToken = default) =>
        app.ExecuteAsync(resourceName, KnownResourceCommands.StartCommand, cancellationToken);

    public static Task RestartResourceAsync(this DistributedApplication app, string resourceName, CancellationToken cancellationToken = default) =>
        app.ExecuteAsync(resourceName, KnownResourceCommands.RestartCommand, cancellationToken);

    private static async Task ExecuteAsync(this DistributedApplication app, string resourceName, string command, CancellationToken cancellationToken)
    {
        // The resource overload runs the command on every replica; a name alone matches none when there are several.
        var result = await app.ResourceCommands.ExecuteCommandAsync(app.GetResource(resourceName), command, cancellationToken);
        if (!result.Success)
        {
            throw new InvalidOperationException($"Command '{command}' on '{resourceName}' failed: {result.Message}");
        }
    }
}
