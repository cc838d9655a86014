namespace Platform.ServiceDefaults.ServiceDiscovery;

/// <summary>
/// A logical service address such as <c>https+http://_dashboard.products</c>: the schemes in order of
/// preference, an optional endpoint name (<c>dashboard</c>) and the service name (<c>products</c>).
/// </summary>
public sealed record ServiceAddress(IReadOnlyList<string> Schemes, string? EndpointName, string ServiceName)
{
    public static ServiceAddress Parse(Uri uri)
    {
        var schemes = uri.Scheme.Split('+', StringSplitOptions.RemoveEmptyEntries);
        var host = uri.IdnHost;
        var dot = host.IndexOf('.');
        return host.StartsWith('_') && dot > 1
            ? new ServiceAddress(schemes, host[1..dot], host[(dot + 1)..])
            : new ServiceAddress(schemes, null, host);
    }
}
