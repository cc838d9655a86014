namespace Platform.Hosting.ApplicationModel;

/// <summary>A network endpoint of a resource. Every replica listens on its own loopback port.</summary>
public sealed class EndpointAnnotation(string name, string scheme, int? port = null) : IResourceAnnotation
{
    public const string Host = "127.0.0.1";

    public string Name { get; } = name;

    public string Scheme { get; } = scheme;

    /// <summary>A fixed port (stable dev URLs); <c>null</c> means a free port is allocated.</summary>
    public int? Port { get; set; } = port;

    /// <summary>Reachable from outside the application (the gateway, the storefront).</summary>
    public bool IsExternal { get; set; }

    /// <summary>The ports allocated at build time, one per replica.</summary>
    public IReadOnlyList<int> AllocatedPorts { get; internal set; } = [];

    public bool IsAllocated => AllocatedPorts.Count > 0;

    public int GetPort(int replica = 0) => IsAllocated
        ? AllocatedPorts[replica]
        : throw new InvalidOperationException($"Endpoint '{Name}' has no allocated port yet: build the application first.");

    public string GetUrl(int replica = 0) => $"{Scheme}://{Host}:{GetPort(replica)}";
}
