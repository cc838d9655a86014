namespace Aspire.Hosting.LocalProcesses;

/// <summary>
/// Finds server programs where the Debian and Ubuntu packages install them. Configuration key
/// <c>LocalProcesses:Programs:&lt;resource&gt;</c> points a resource at another program (tests use it to
/// see what a machine without the package gets).
/// </summary>
internal static class ServerPrograms
{
    public static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/bin:/usr/bin:/bin")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);

    /// <summary>The newest <c>/usr/lib/postgresql/&lt;version&gt;/bin/&lt;program&gt;</c>.</summary>
    public static string? FindPostgres(string program) =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(directory => int.TryParse(Path.GetFileName(directory), out var version) ? version : 0)
                .Select(directory => Path.Combine(directory, "bin", program))
                .FirstOrDefault(File.Exists)
            : null;

    /// <summary>What the resource's console says when its program is missing: the package, and the line that installs it.</summary>
    public static string MissingMessage(string product, string package) =>
        $"{product} is not installed on this machine. Install the Debian/Ubuntu package '{package}': sudo apt-get install -y {package}";
}
