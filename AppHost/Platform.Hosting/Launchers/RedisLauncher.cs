using Platform.Hosting.ApplicationModel;
using Platform.Hosting.Processes;

namespace Platform.Hosting.Launchers;

/// <summary>Runs <c>redis-server</c> with a configuration file that holds its password (so it never shows in <c>ps</c>).</summary>
internal sealed class RedisLauncher(RedisResource redis) : IResourceLauncher
{
    private string _server = "";

    public Task PrepareAsync(LaunchContext context, CancellationToken cancellationToken)
    {
        _server = ServerBinaries.FindRedisServer(context.Configuration);
        Directory.CreateDirectory(context.DataDirectory);

        // Dev data survives a restart (snapshot on shutdown and every minute); test data is never written.
        var persistence = context.ExecutionContext.IsDataEphemeral ? "save \"\"" : "save 60 1";
        var configuration = $"""
            port {redis.PrimaryEndpoint.GetPort()}
            bind {EndpointAnnotation.Host}
            protected-mode yes
            requirepass "{redis.Password.Value}"
            dir "{context.DataDirectory}"
            daemonize no
            logfile ""
            {persistence}
            appendonly no
            """;
        ConfigurationFiles.WritePrivate(ConfigurationPath(context), configuration);
        return Task.CompletedTask;
    }

    public ProcessSpec GetProcessSpec(LaunchContext context, int replica) =>
        new(_server, [ConfigurationPath(context)], context.DataDirectory);

    private static string ConfigurationPath(LaunchContext context) => Path.Combine(context.DataDirectory, "redis.conf");
}

internal static class ConfigurationFiles
{
    /// <summary>Writes a file only its owner can read: it holds a password.</summary>
    public static void WritePrivate(string path, string contents)
    {
        File.WriteAllText(path, contents);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
