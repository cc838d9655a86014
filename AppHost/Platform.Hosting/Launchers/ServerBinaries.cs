using Microsoft.Extensions.Configuration;

namespace Platform.Hosting.Launchers;

/// <summary>A server program the machine lacks; the message names the package that provides it.</summary>
public sealed class MissingServerBinaryException(string product, string packageName, string lookedAt)
    : DistributedApplicationException(
        $"{product} was not found (looked at {lookedAt}). Install the Debian/Ubuntu package '{packageName}': sudo apt-get install -y {packageName}")
{
    public string PackageName { get; } = packageName;
}

/// <summary>
/// Finds the machine's server binaries where Debian and Ubuntu packages install them. Configuration keys
/// <c>AppHost:Binaries:PostgreSQL</c> (a bin directory), <c>AppHost:Binaries:Redis</c> and
/// <c>AppHost:Binaries:RabbitMQ</c> (programs) point elsewhere.
/// </summary>
internal static class ServerBinaries
{
    public static string FindPostgresBinDirectory(IConfiguration configuration)
    {
        var candidates = configuration["AppHost:Binaries:PostgreSQL"] is { } configured
            ? [configured]
            : Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql")
                    .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var version) ? version : 0)
                    .Select(d => Path.Combine(d, "bin"))
                    .ToArray()
                : [];
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "postgres")) && File.Exists(Path.Combine(d, "initdb")))
            ?? throw new MissingServerBinaryException(
                "The PostgreSQL server (postgres, initdb)", "postgresql",
                candidates.Length > 0 ? string.Join(", ", candidates) : "/usr/lib/postgresql/<version>/bin");
    }

    public static string FindRedisServer(IConfiguration configuration) =>
        Find(configuration["AppHost:Binaries:Redis"], "redis-server", "The Redis server (redis-server)", "redis-server");

    public static string FindRabbitMQServer(IConfiguration configuration) =>
        Find(configuration["AppHost:Binaries:RabbitMQ"] ?? "/usr/lib/rabbitmq/bin/rabbitmq-server",
            "rabbitmq-server", "The RabbitMQ server", "rabbitmq-server");

    public static string FindEpmd() =>
        Find(null, "epmd", "Erlang's port mapper (epmd)", "rabbitmq-server");

    /// <summary>An explicit path, or the program on PATH.</summary>
    public static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/bin:/usr/bin:/bin")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);

    private static string Find(string? explicitPath, string program, string product, string packageName)
    {
        if (explicitPath is not null)
        {
            return File.Exists(explicitPath) ? explicitPath : throw new MissingServerBinaryException(product, packageName, explicitPath);
        }
        return FindOnPath(program) ?? throw new MissingServerBinaryException(product, packageName, $"'{program}' on PATH");
    }
}
