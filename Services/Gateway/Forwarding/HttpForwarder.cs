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

    /// <summary>A replica that refuses the connection (stopped or crashed) is skipped for the next one, this many times at most.</summary>
    private const int ConnectAttempts = 3;

    public async Task ForwardAsync(HttpContext context, string service, string pathAndQuery)
    {
        for (var attempt = 1; ; attempt++)
        {
            Uri target;
            try
            {
                target = resolver.Resolve(new Uri(ServiceRoutes.Address(service), pathAndQuery));
            }
            catch (InvalidOperationException noEndpoint)
            {
                logger.LogWarning(noEndpoint, "No endpoint for service {Service}", service);
                await UpstreamFailure.Unavailable.WriteAsync(context, service);
                return;
            }

            var body = new ClientBody(context.Request.Body);
            using var request = UpstreamRequest.Create(context, target, body);
            var (response, failure) = await SendAsync(context, request, body);
            if (response is not null)
            {
                using (response)
                {
                    await CopyResponseAsync(context, response);
                }
                return;
            }
            if (failure is null)
            {
                return; // the client went away
            }
            if (failure.Error is { } refused && IsConnectionRefused(refused) && attempt < ConnectAttempts)
            {
                // Nothing reached the replica, not even the body, so sending to another one is safe for any method.
                logger.LogWarning("{Target} refused the connection; trying another replica of {Service}", target, service);
                continue;
            }
            if (failure.Error is { } logged)
            {
                logger.LogWarning(logged, "Forwarding {Method} {Target} failed", request.Method, target);
            }
            await failure.Failure.WriteAsync(context, service);
            return;
        }
    }

    private sealed record SendFailure(UpstreamFailure Failure, HttpRequestException? Error);

    private async Task<(HttpResponseMessage? Response, SendFailure? Failure)> SendAsync(HttpContext context, HttpRequestMessage request, ClientBody body)
    {
        var clientGone = context.RequestAborted;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(clientGone);
        deadline.CancelAfter(options.Value.UpstreamTimeout);
        try
        {
            return (await invoker.SendAsync(request, deadline.Token), null);
        }
        catch (Exception) when (clientGone.IsCancellationRequested)
        {
            return (null, null);
        }
        catch (Exception) when (body.Failure is { } clientBodyFailure)
        {
            return (null, new SendFailure(UpstreamFailure.BadClientBody(clientBodyFailure), null));
        }
        catch (OperationCanceledException)
        {
            return (null, new SendFailure(UpstreamFailure.Timeout, null));
        }
        catch (HttpRequestException error)
        {
            // A refused connection took nothing of the body, which must stay unread for the next replica.
            if (!IsConnectionRefused(error) && await body.FailureOfTheRestAsync(clientGone) is { } clientBodyFailure)
            {
                return (null, new SendFailure(UpstreamFailure.BadClientBody(clientBodyFailure), null));
            }
            return (null, new SendFailure(UpstreamFailure.From(error), error));
        }
    }

    private static bool IsConnectionRefused(HttpRequestException error) =>
        error.HttpRequestError == HttpRequestError.ConnectionError
        && error.InnerException is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.ConnectionRefused };

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
