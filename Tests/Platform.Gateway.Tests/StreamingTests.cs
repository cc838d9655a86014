using System.Net;
using System.Security.Cryptography;
using System.Text;
using Platform.Gateway.Tests.Support;

namespace Platform.Gateway.Tests;

[Collection(typeof(GatewayCollection))]
public sealed class StreamingTests(GatewayFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_large_download_passes_through()
    {
        using var client = fixture.CreateClient();

        using var response = await client.GetAsync("/api/products/download", HttpCompletionOption.ResponseHeadersRead, Cancellation);
        await using var body = await response.Content.ReadAsStreamAsync(Cancellation);
        var buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, Cancellation)) > 0)
        {
            total += read;
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Upstream.DownloadSize, total);
    }

    [Fact]
    public async Task A_slow_response_starts_arriving_before_it_ends()
    {
        var upstream = fixture.Orders;
        upstream.Reset();
        using var client = fixture.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/orders/slow");
        request.Headers.Authorization = new("Bearer", fixture.Tokens.Token("slow-reader"));

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Cancellation);
        await using var body = await response.Content.ReadAsStreamAsync(Cancellation);
        var first = new byte["first;".Length];
        await body.ReadExactlyAsync(first, Cancellation).AsTask().WaitAsync(TimeSpan.FromSeconds(10), Cancellation);
        Assert.False(upstream.ReleaseSlowResponse.Task.IsCompleted);
        upstream.ReleaseSlowResponse.SetResult();
        using var rest = new StreamReader(body);

        Assert.Equal("first;", Encoding.UTF8.GetString(first));
        Assert.Equal("rest", await rest.ReadToEndAsync(Cancellation));
    }

    [Fact]
    public async Task A_streamed_upload_within_the_limit_passes_through()
    {
        using var client = fixture.CreateClient();
        var payload = RandomNumberGenerator.GetBytes(900 * 1024);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders/upload")
        {
            Content = new StreamContent(new ChunkedStream(payload)),
        };
        request.Headers.Authorization = new("Bearer", fixture.Tokens.Token("uploader"));

        using var response = await client.SendAsync(request, Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"{payload.Length}:{Convert.ToHexString(SHA256.HashData(payload))}", await response.Content.ReadAsStringAsync(Cancellation));
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_413_problem()
    {
        using var client = fixture.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders/upload")
        {
            Content = new ByteArrayContent(new byte[2 * 1024 * 1024]),
        };
        request.Headers.Authorization = new("Bearer", fixture.Tokens.Token("uploader"));

        using var response = await client.SendAsync(request, Cancellation);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_chunked_body_that_grows_over_the_limit_is_a_413_problem()
    {
        using var client = fixture.CreateClient();

        var (statusLine, body) = await RawHttpUpload.PostEndlessAsync(client.BaseAddress!, "/api/orders/upload", fixture.Tokens.Token("uploader"), Cancellation);

        Assert.StartsWith("HTTP/1.1 413", statusLine);
        Assert.Contains("\"status\":413", body);
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_a_413_problem_even_when_the_service_resets_first()
    {
        var upstream = fixture.Orders;
        upstream.Reset();
        using var client = fixture.CreateClient();

        // The rest of the body is sent only after the service reset, as a proxy in between (Aspire's) can make happen.
        var (statusLine, body) = await RawHttpUpload.PostEndlessAsync(
            client.BaseAddress!, "/api/orders/refuse-early", fixture.Tokens.Token("uploader"), Cancellation, upstream.RefusedEarly.Task);

        Assert.StartsWith("HTTP/1.1 413", statusLine);
        Assert.Contains("\"status\":413", body);
    }

    /// <summary>A stream of unknown length, so HttpClient sends it chunked.</summary>
    private sealed class ChunkedStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
