using System.Runtime.Versioning;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.LocalProcesses;

/// <summary>Runs <c>redis-server</c> with a configuration file that holds its password, so it shows in no command line.</summary>
[SupportedOSPlatform("linux")]
internal sealed class RedisLocalServer(RedisResource redis) : LocalServer(redis)
{
    public override string Product => "The Redis server (redis-server)";

    public override string Package => "redis-server";

    public override string? FindProgram() => ServerPrograms.FindOnPath("redis-server");

    public override async Task PrepareAsync(LocalServerContext context, CancellationToken cancellationToken)
    {
        var password = redis.PasswordParameter is { } parameter ? await parameter.GetValueAsync(cancellationToken) : null;
        // Kept data is snapshotted every minute and at shutdown; throw-away data is never written.
        var persistence = context.KeepsData ? "save 60 1" : "save \"\"";
        PrivateFile.Write(ConfigurationPath(context), $"""
            port {Port(redis.PrimaryEndpoint)}
            bind 127.0.0.1
            protected-mode yes
            {(password is null ? "" : $"requirepass \"{password.Replace("\\", "\\\\").Replace("\"", "\\\"")}\"")}
            dir "{context.DataDirectory}"
            daemonize no
            logfile ""
            {persistence}
            appendonly no
            """);
    }

    public override IEnumerable<string> Arguments(LocalServerContext context) => [ConfigurationPath(context)];

    private static string ConfigurationPath(LocalServerContext context) => Path.Combine(context.DataDirectory, "redis.conf");
}
