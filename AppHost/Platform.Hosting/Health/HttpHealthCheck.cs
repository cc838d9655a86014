using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.Hosting.ApplicationModel;

namespace Platform.Hosting.Health;

/// <summary>GET on a path of each replica's endpoint; any 2xx answer is healthy.</summary>
internal sealed class HttpHealthCheck(EndpointAnnotation endpoint, string path) : IResourceHealthCheck
{
    private static readonly HttpClient Client = new() { Timeout = TimeSpan.FromSeconds(5) };

    public async Task<HealthCheckResult> CheckAsync(int replicaIndex, CancellationToken cancellationToken)
    {
        var url = new Uri(new Uri(endpoint.GetUrl(replicaIndex)), path);
        using var response = await Client.GetAsync(url, cancellationToken);
        return response.IsSuccessStatusCode
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"GET {url} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
    }
}
