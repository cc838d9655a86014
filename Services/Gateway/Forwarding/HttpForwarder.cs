using System.Buffers;
using System.Net;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.ServiceDiscovery;

namespace Platform.Gateway.Forwarding;

/// <summary>
/// Forwards a request to one replica of a service and streams the answer back. It stands in for YARP's
/// IHttpForwarder (Yarp.ReverseProxy does not restore here). It uses a plain invoker, not an HttpClient with the
/// standard resilience handler, because a streamed request body cannot be sent twice.
/// </summary>
public sealed class HttpForwarder(ServiceEndpointResolver resolver, IOptions<GatewayOptions> options, ILogger<HttpForwarder> logger) : IDisposable
{
    private readonly HttpMessageInvoker invoker = new(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
    });

    public async Task ForwardAsync(HttpContext context, string service, string pathAndQuery)
    {
        Uri target;
        try
        {
            target = resolver.Resolve(new Uri(ServiceRoutes.Address(service), pathAndQuery));
        }
        catch (InvalidOperationException error)
        {
            logger.LogWarning(error, "No endpoint for service {Service}", service);
            await UpstreamFailure.Unavailable.WriteAsync(context, service);
            return;
        }

        using var request = UpstreamRequest.Create(context, target);
        using var response = await SendAsync(context, service, request);
        if (response is not null)
        {
            await CopyResponseAsync(context, response);
        }
    }

    private async Task<HttpResponseMessage?> SendAsync(HttpContext context, string service, HttpRequestMessage request)
    {
        var clientGone = context.RequestAborted;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(clientGone);
        deadline.CancelAfter(options.Value.UpstreamTimeout);
        UpstreamFailure failure;
        try
        {
            return await invoker.SendAsync(request, deadline.Token);
        }
        catch (Exception) when (clientGone.IsCancellationRequested)
        {
            return null;
        }
        catch (OperationCanceledException)
        {
            failure = UpstreamFailure.Timeout;
        }
        catch (HttpRequestException error)
        {
            failure = UpstreamFailure.From(error);
            logger.LogWarning(error, "Forwarding {Method} {Target} failed", request.Method, request.RequestUri);
        }
        await failure.WriteAsync(context, service);
        return null;
    }

    private static async Task CopyResponseAsync(HttpContext context, HttpResponseMessage upstream)
    {
        var response = context.Response;
        response.StatusCode = (int)upstream.StatusCode;
        var isHopByHop = HopByHopHeaders.Of(upstream.Headers.Connection);
        foreach (var (name, values) in upstream.Headers.Concat(upstream.Content.Headers))
        {
            if (!isHopByHop(name))
            {
                response.Headers[name] = values.ToArray();
            }
        }

        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            await response.StartAsync(context.RequestAborted);
            await using var body = await upstream.Content.ReadAsStreamAsync(context.RequestAborted);
            int read;
            while ((read = await body.ReadAsync(buffer, context.RequestAborted)) > 0)
            {
                await response.Body.WriteAsync(buffer.AsMemory(0, read), context.RequestAborted);
                await response.Body.FlushAsync(context.RequestAborted);
            }
        }
        catch (Exception error) when (error is IOException or HttpRequestException or OperationCanceledException)
        {
            // The status line is gone: the only honest way to report a broken body is to break the connection.
            context.Abort();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public void Dispose() => invoker.Dispose();
}
