namespace Platform.Hosting.ApplicationModel;

/// <summary>A PostgreSQL server run from the machine's own binaries.</summary>
public sealed class PostgresServerResource(string name, ParameterResource password)
    : Resource(name), IResourceWithConnectionString, IResourceWithEndpoints, IResourceWithWaitSupport
{
    public const string UserName = "postgres";

    public ParameterResource Password { get; } = password;

    /// <summary>Databases to create on start-up, by resource name.</summary>
    public Dictionary<string, string> Databases { get; } = new(StringComparer.Ordinal);

    public EndpointAnnotation PrimaryEndpoint => this.GetEndpoint("tcp");

    public string GetConnectionString() =>
        $"Host={EndpointAnnotation.Host};Port={PrimaryEndpoint.GetPort()};Username={UserName};Password={Password.Value}";
}

/// <summary>A database inside a <see cref="PostgresServerResource"/>, created when the server starts.</summary>
public sealed class PostgresDatabaseResource(string name, string databaseName, PostgresServerResource parent)
    : Resource(name), IResourceWithConnectionString, IResourceWithParent, IResourceWithWaitSupport
{
    public string DatabaseName { get; } = databaseName;

    public PostgresServerResource Server { get; } = parent;

    public IResource Parent => Server;

    public string GetConnectionString() => $"{Server.GetConnectionString()};Database={DatabaseName}";
}
