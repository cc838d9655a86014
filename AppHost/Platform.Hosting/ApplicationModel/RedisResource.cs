namespace Platform.Hosting.ApplicationModel;

/// <summary>A Redis server run from the machine's own binary, protected by a password.</summary>
public sealed class RedisResource(string name, ParameterResource password)
    : Resource(name), IResourceWithConnectionString, IResourceWithEndpoints, IResourceWithWaitSupport
{
    public ParameterResource Password { get; } = password;

    public EndpointAnnotation PrimaryEndpoint => this.GetEndpoint("tcp");

    /// <summary>StackExchange.Redis configuration syntax, as Aspire's Redis resource.</summary>
    public string GetConnectionString() =>
        $"{EndpointAnnotation.Host}:{PrimaryEndpoint.GetPort()},password={Password.Value}";
}
