using Npgsql;
using Platform.Hosting.ApplicationModel;
using Platform.Hosting.Processes;

namespace Platform.Hosting.Launchers;

/// <summary>
/// Runs <c>postgres</c> from the machine's binaries: initdb on first use, password authentication on
/// 127.0.0.1, trust only on a Unix socket in a private folder, which the AppHost uses to set the
/// password (so a changed secret never locks it out) and to create the declared databases.
/// </summary>
internal sealed class PostgresLauncher(PostgresServerResource server) : IResourceLauncher
{
    private string _binDirectory = "";
    private string _socketDirectory = "";
    private UnixUser? _serverAccount;

    public async Task PrepareAsync(LaunchContext context, CancellationToken cancellationToken)
    {
        _binDirectory = ServerBinaries.FindPostgresBinDirectory(context.Configuration);
        _serverAccount = UnixUser.IsRoot ? FindServerAccount() : null;

        _socketDirectory = CreateSocketDirectory(context);
        GiveToServerAccount(_socketDirectory);

        var dataDirectory = context.DataDirectory;
        if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            await InitializeDataDirectoryAsync(context, dataDirectory, cancellationToken);
        }
    }

    public ProcessSpec GetProcessSpec(LaunchContext context, int replica)
    {
        List<string> arguments =
        [
            "-D", context.DataDirectory,
            "-p", server.PrimaryEndpoint.GetPort().ToString(),
            "-k", _socketDirectory,
            "-c", $"listen_addresses={EndpointAnnotation.Host}",
            "-c", "max_connections=200",
        ];
        if (context.ExecutionContext.IsDataEphemeral)
        {
            // Throw-away data (tests): durability costs time and buys nothing.
            arguments.AddRange(["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]);
        }
        return new ProcessSpec(Path.Combine(_binDirectory, "postgres"), arguments, context.DataDirectory)
        {
            RunAs = _serverAccount,
            // Fast shutdown: clients are disconnected, so a pooled connection never holds up Ctrl+C.
            StopSignal = UnixSignal.Interrupt,
        };
    }

    public async Task OnStartedAsync(LaunchContext context, CancellationToken cancellationToken)
    {
        var administration = new NpgsqlConnectionStringBuilder
        {
            Host = _socketDirectory,
            Port = server.PrimaryEndpoint.GetPort(),
            Username = PostgresServerResource.UserName,
            Database = "postgres",
            Pooling = false,
        }.ConnectionString;

        await using var connection = await OpenWhenReadyAsync(administration, cancellationToken);
        await ExecuteAsync(connection, $"ALTER ROLE {PostgresServerResource.UserName} WITH PASSWORD {QuoteLiteral(server.Password.Value)}", cancellationToken);

        foreach (var database in server.Databases.Values)
        {
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection);
            exists.Parameters.Add(new NpgsqlParameter { Value = database });
            if (await exists.ExecuteScalarAsync(cancellationToken) is null)
            {
                await ExecuteAsync(connection, $"CREATE DATABASE {QuoteIdentifier(database)}", cancellationToken);
                context.Log($"Created database {database}.");
            }
        }
    }

    public void CleanUp(LaunchContext context)
    {
        if (Directory.Exists(_socketDirectory))
        {
            Directory.Delete(_socketDirectory, recursive: true);
        }
    }

    /// <summary>Beside the data, so a killed AppHost leaves nothing elsewhere; in /tmp when that path is too long for a socket.</summary>
    private static string CreateSocketDirectory(LaunchContext context)
    {
        var besideData = $"{context.DataDirectory}-socket";
        const int MaxSocketPath = 107, SocketFileName = 18; // "/.s.PGSQL.<port>"
        if (besideData.Length + SocketFileName > MaxSocketPath)
        {
            return Directory.CreateTempSubdirectory("platform-pg-").FullName;
        }
        Directory.CreateDirectory(besideData);
        File.SetUnixFileMode(besideData, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return besideData;
    }

    private async Task InitializeDataDirectoryAsync(LaunchContext context, string dataDirectory, CancellationToken cancellationToken)
    {
        context.Log($"Initialising a new PostgreSQL data directory at {dataDirectory}.");
        Directory.CreateDirectory(dataDirectory);
        File.SetUnixFileMode(dataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        GiveToServerAccount(dataDirectory);
        if (_serverAccount is not null)
        {
            EnsureReachable(dataDirectory, _serverAccount);
        }

        var passwordFile = Path.Combine(_socketDirectory, "initial-password");
        File.WriteAllText(passwordFile, server.Password.Value);
        File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        GiveToServerAccount(passwordFile);
        try
        {
            var initdb = new ProcessSpec(Path.Combine(_binDirectory, "initdb"),
                [
                    "-D", dataDirectory, "-U", PostgresServerResource.UserName, "--pwfile", passwordFile,
                    "--auth-host=scram-sha-256", "--auth-local=trust", "--encoding=UTF8", "--locale=C",
                    "--no-sync", "--no-instructions",
                ],
                dataDirectory)
            {
                RunAs = _serverAccount,
            };
            await context.RunToCompletionAsync("initdb", initdb, cancellationToken);
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    private static async Task<NpgsqlConnection> OpenWhenReadyAsync(string connectionString, CancellationToken cancellationToken)
    {
        while (true)
        {
            var connection = new NpgsqlConnection(connectionString);
            try
            {
                await connection.OpenAsync(cancellationToken);
                return connection;
            }
            catch (Exception exception) when (exception is NpgsqlException or System.Net.Sockets.SocketException)
            {
                await connection.DisposeAsync();
                await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
            }
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string QuoteLiteral(string value) => $"'{value.Replace("'", "''", StringComparison.Ordinal)}'";

    private static string QuoteIdentifier(string value) => $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private static UnixUser FindServerAccount() => UnixUser.Find("postgres")
        ?? throw new DistributedApplicationException(
            "PostgreSQL refuses to run as root, and there is no 'postgres' account to run it as: install the Debian/Ubuntu package 'postgresql', which creates it.");

    private void GiveToServerAccount(string path)
    {
        if (_serverAccount is not null)
        {
            Unix.ChangeOwner(path, _serverAccount);
        }
    }

    /// <summary>The server account must be able to walk down to its data folder (a repository under /root is not).</summary>
    private static void EnsureReachable(string dataDirectory, UnixUser account)
    {
        for (var directory = Path.GetDirectoryName(dataDirectory); !string.IsNullOrEmpty(directory); directory = Path.GetDirectoryName(directory))
        {
            if (!File.GetUnixFileMode(directory).HasFlag(UnixFileMode.OtherExecute))
            {
                throw new DistributedApplicationException(
                    $"PostgreSQL runs as '{account.Name}', which cannot enter {directory}: give it o+x (chmod o+x {directory}) or point AppHost:DataDirectory at a folder it can reach.");
            }
        }
    }
}
