using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;

namespace Platform.ServiceDefaults.ServiceDiscovery;

/// <summary>
/// Resolves logical service addresses from configuration section <c>services:&lt;service&gt;</c>, the
/// way Microsoft.Extensions.ServiceDiscovery's configuration provider does (it stands in for that library,
/// which the build machines cannot restore). Entries look like
/// <c>services:products:http:0 = http://127.0.0.1:5001</c>, one per replica; successive calls go round-robin
/// over the replicas. A service without configuration passes through unchanged, for DNS to resolve.
/// </summary>
public sealed class ServiceEndpointResolver : IDisposable
{
    private readonly IConfiguration configuration;
    private readonly ConcurrentDictionary<string, ResolvedEndpoints> cache = new();
    private readonly IDisposable reloadSubscription;

    public ServiceEndpointResolver(IConfiguration configuration)
    {
        this.configuration = configuration;
        reloadSubscription = ChangeToken.OnChange(configuration.GetReloadToken, cache.Clear);
    }

    /// <summary>The URI to send a request for <paramref name="uri"/> to: same path and query, a replica's scheme, host and port.</summary>
    public Uri Resolve(Uri uri)
    {
        var address = ServiceAddress.Parse(uri);
        var target = cache.GetOrAdd($"{uri.Scheme}://{uri.IdnHost}", _ => Read(address)).Next();
        return target is null
            ? PassThrough(address, uri)
            : new UriBuilder(uri) { Scheme = target.Scheme, Host = target.Host, Port = target.Port }.Uri;
    }

    public void Dispose() => reloadSubscription.Dispose();

    /// <summary>No configuration: the host name goes to DNS as it is (how Kubernetes and Container Apps resolve services).</summary>
    private static Uri PassThrough(ServiceAddress address, Uri uri) =>
        new UriBuilder(uri) { Scheme = address.Schemes[0], Port = uri.IsDefaultPort ? -1 : uri.Port }.Uri;

    private ResolvedEndpoints Read(ServiceAddress address)
    {
        var service = configuration.GetSection($"services:{address.ServiceName}");
        if (!service.Exists())
        {
            return ResolvedEndpoints.None;
        }

        // A named endpoint lists its own URIs; otherwise each scheme names its section. Either way the first
        // preferred scheme with any endpoints wins, so https+http falls back to http only when there is no https.
        foreach (var scheme in address.Schemes)
        {
            var section = service.GetSection(address.EndpointName ?? scheme);
            var uris = ReadUris(section, scheme).Where(u => u.Scheme == scheme).ToList();
            if (uris.Count > 0)
            {
                return new ResolvedEndpoints(uris);
            }
        }
        throw new InvalidOperationException(
            $"Configuration section '{service.Path}' has no endpoint for {(address.EndpointName is { } name ? $"endpoint '{name}' with " : "")}scheme {string.Join(" or ", address.Schemes)}.");
    }

    /// <summary>A section holds one URI or a list of them (<c>:0</c>, <c>:1</c>, …); a bare host:port takes the section's scheme.</summary>
    private static IEnumerable<Uri> ReadUris(IConfigurationSection section, string scheme)
    {
        var values = section.Value is { Length: > 0 } single
            ? [single]
            : section.GetChildren().OrderBy(c => int.TryParse(c.Key, out var i) ? i : int.MaxValue).Select(c => c.Value).OfType<string>();
        foreach (var value in values)
        {
            if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Host.Length > 0)
            {
                yield return uri;
            }
            else if (Uri.TryCreate($"{scheme}://{value}", UriKind.Absolute, out var hostAndPort))
            {
                yield return hostAndPort;
            }
        }
    }

    private sealed class ResolvedEndpoints(IReadOnlyList<Uri> uris)
    {
        public static ResolvedEndpoints None { get; } = new([]);

        private int next = -1;

        public Uri? Next() => uris.Count == 0 ? null : uris[(int)((uint)Interlocked.Increment(ref next) % uris.Count)];
    }
}
