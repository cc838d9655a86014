using System.Runtime.Versioning;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Aspire.Hosting.LocalProcesses;

/// <summary>
/// Runs <c>postgres</c> from the machine's binaries: <c>initdb</c> on first use, password authentication on
/// 127.0.0.1, and trust only on a Unix socket inside the data folder, which the AppHost uses to set the
/// password at every start (so a changed secret never locks it out of kept data). PostgreSQL refuses to run
/// as root: under root it runs as the <c>postgres</c> account the package creates.
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed class PostgresLocalServer(PostgresServerResource postgres) : LocalServer(postgres)
{
    private const int SigInt = 2;
    private const int MaxSocketPathLength = 107;

    private readonly UnixAccount? _serverAccount = UnixAccount.IsRoot ? UnixAccount.Find("postgres") : null;
    private string _program = "";

    public override string Product => "The PostgreSQL server (postgres, initdb)";

    public override string Package => "postgresql";

    public override string? FindProgram() => ServerPrograms.FindPostgres("postgres") is { } program
        && File.Exists(Path.Combine(Path.GetDirectoryName(program)!, "initdb")) ? program : null;

    public override string Command(string program)
    {
        _program = program;
        return _serverAccount is null ? program : ServerPrograms.FindOnPath("setpriv") ?? "setpriv";
    }

    /// <summary>Fast shutdown: SIGTERM would wait for every pooled client connection to close.</summary>
    public override int? StopSignal => SigInt;

    public override async Task PrepareAsync(LocalServerContext context, CancellationToken cancellationToken)
    {
        if (UnixAccount.IsRoot && _serverAccount is null)
        {
            throw new DistributedApplicationException(
                "PostgreSQL refuses to run as root, and there is no 'postgres' account to run it as: install the Debian/Ubuntu package 'postgresql', which creates it.");
        }
        File.SetUnixFileMode(context.DataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        _serverAccount?.Own(context.DataDirectory);
        if (!File.Exists(Path.Combine(context.DataDirectory, "PG_VERSION")))
        {
            await InitializeDataDirectoryAsync(context, cancellationToken);
        }
    }

    public override IEnumerable<string> Arguments(LocalServerContext context)
    {
        if (_serverAccount is not null)
        {
            foreach (var argument in new[] { $"--reuid={_serverAccount.UserId}", $"--regid={_serverAccount.GroupId}", "--init-groups", "--", _program })
            {
                yield return argument;
            }
        }
        foreach (var argument in new[]
        {
            "-D", context.DataDirectory,
            "-p", $"{Port(postgres.PrimaryEndpoint)}",
            "-k", SocketDirectory(context),
            "-c", "listen_addresses=127.0.0.1",
            "-c", "max_connections=200",
        })
        {
            yield return argument;
        }
        if (!context.KeepsData)
        {
            // Throw-away data (tests): durability costs time and buys nothing.
            foreach (var argument in new[] { "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off" })
            {
                yield return argument;
            }
        }
    }

    public override async Task OnRunningAsync(LocalServerContext context, CancellationToken cancellationToken)
    {
        var userName = await postgres.UserNameReference.GetValueAsync(cancellationToken);
        var password = await postgres.PasswordParameter.GetValueAsync(cancellationToken);
        var overSocket = new NpgsqlConnectionStringBuilder
        {
            Host = SocketDirectory(context),
            Port = Port(postgres.PrimaryEndpoint),
            Username = userName,
            Database = "postgres",
            Pooling = false,
        }.ConnectionString;

        await using var connection = await OpenWhenReadyAsync(overSocket, cancellationToken);
        await using var command = new NpgsqlCommand(
            $"ALTER ROLE {QuoteIdentifier(userName!)} WITH PASSWORD {QuoteLiteral(password!)}", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task InitializeDataDirectoryAsync(LocalServerContext context, CancellationToken cancellationToken)
    {
        context.Logger.LogInformation("Initialising a new PostgreSQL data directory at {DataDirectory}.", context.DataDirectory);
        EnsureReachableByServerAccount(context.DataDirectory);

        var passwordFile = Path.GetTempFileName();
        try
        {
            PrivateFile.Write(passwordFile, await postgres.PasswordParameter.GetValueAsync(cancellationToken) ?? "");
            _serverAccount?.Own(passwordFile);
            var userName = await postgres.UserNameReference.GetValueAsync(cancellationToken);
            await ServerCommand.RunAsync(Path.Combine(Path.GetDirectoryName(_program)!, "initdb"),
                [
                    "-D", context.DataDirectory, "-U", userName!, "--pwfile", passwordFile,
                    "--auth-host=scram-sha-256", "--auth-local=trust", "--encoding=UTF8", "--locale=C",
                    "--no-sync", "--no-instructions",
                ],
                _serverAccount, context.Logger, cancellationToken);
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    /// <summary>The data folder, unless its path is too long for a Unix socket; then a folder under /tmp.</summary>
    private static string SocketDirectory(LocalServerContext context)
    {
        const int SocketFileName = 18; // "/.s.PGSQL.<port>"
        if (context.DataDirectory.Length + SocketFileName <= MaxSocketPathLength)
        {
            return context.DataDirectory;
        }
        var inTemp = Path.Combine(Path.GetTempPath(), $"aspire-{context.Resource.Name}-{(uint)context.DataDirectory.GetHashCode():x8}");
        Directory.CreateDirectory(inTemp);
        return inTemp;
    }

    /// <summary>The server account must be able to walk down to its data folder (a checkout under /root cannot be).</summary>
    private void EnsureReachableByServerAccount(string dataDirectory)
    {
        if (_serverAccount is null)
        {
            return;
        }
        for (var directory = Path.GetDirectoryName(dataDirectory); !string.IsNullOrEmpty(directory); directory = Path.GetDirectoryName(directory))
        {
            if (!File.GetUnixFileMode(directory).HasFlag(UnixFileMode.OtherExecute))
            {
                throw new DistributedApplicationException(
                    $"PostgreSQL runs as '{_serverAccount.Name}', which cannot enter {directory}: give it o+x (chmod o+x {directory}) or keep the AppHost somewhere it can reach.");
            }
        }
    }

    private static async Task<NpgsqlConnection> OpenWhenReadyAsync(string connectionString, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (true)
        {
            var connection = new NpgsqlConnection(connectionString);
            try
            {
                await connection.OpenAsync(timeout.Token);
                return connection;
            }
            catch (Exception exception) when (exception is NpgsqlException or System.Net.Sockets.SocketException && !timeout.IsCancellationRequested)
            {
                await connection.DisposeAsync();
                await Task.Delay(TimeSpan.FromMilliseconds(50), timeout.Token);
            }
        }
    }

    private static string QuoteLiteral(string value) => $"'{value.Replace("'", "''", StringComparison.Ordinal)}'";

    private static string QuoteIdentifier(string value) => $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
