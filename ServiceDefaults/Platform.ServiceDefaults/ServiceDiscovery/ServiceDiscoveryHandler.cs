namespace Platform.ServiceDefaults.ServiceDiscovery;

/// <summary>
/// Sends each attempt to an endpoint the <see cref="ServiceEndpointResolver"/> picks, as
/// Microsoft.Extensions.ServiceDiscovery's resolving handler does. The request keeps its logical URI
/// between attempts, so a retry resolves again and may reach another replica.
/// </summary>
public sealed class ServiceDiscoveryHandler(ServiceEndpointResolver resolver) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var logical = request.RequestUri;
        if (logical is null || !logical.IsAbsoluteUri)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        request.RequestUri = resolver.Resolve(logical);
        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        finally
        {
            request.RequestUri = logical;
        }
    }
}
