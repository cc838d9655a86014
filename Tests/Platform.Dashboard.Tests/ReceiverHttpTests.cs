using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using Platform.Dashboard.Otlp.Proto.Collector.Logs;
using Platform.Dashboard.Otlp.Proto.Collector.Trace;
using Platform.Dashboard.Tests.Support;

namespace Platform.Dashboard.Tests;

/// <summary>The receiver's HTTP contract: API key, media type, gzip, size limit, malformed bodies, limits.</summary>
public sealed class ReceiverHttpTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static HttpRequestMessage Post(string signal, byte[] body, string? apiKey = ReceiverHost.ApiKey,
        string mediaType = "application/x-protobuf", string? encoding = null)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        if (encoding is not null)
        {
            content.Headers.ContentEncoding.Add(encoding);
        }
        var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/{signal}") { Content = content };
        if (apiKey is not null)
        {
            request.Headers.Add("x-otlp-api-key", apiKey);
        }
        return request;
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(data);
        }
        return output.ToArray();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    [InlineData("")]
    [InlineData(ReceiverHost.ApiKey + "x")]
    public async Task A_request_without_the_right_key_is_refused_with_401_and_stores_nothing(string? apiKey)
    {
        await using var host = await ReceiverHost.StartAsync();
        var body = OtlpTestData.TraceRequest("orders", spans: 1).ToByteArray();

        using var response = await host.Client.SendAsync(Post("traces", body, apiKey), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, host.Traces.SpanCount);
        Assert.Empty(host.Resources.GetResources());
    }

    [Fact]
    public async Task A_gzip_body_is_accepted_and_answered_with_a_protobuf_response()
    {
        await using var host = await ReceiverHost.StartAsync();
        var body = Gzip(OtlpTestData.TraceRequest("orders", spans: 3).ToByteArray());

        using var response = await host.Client.SendAsync(Post("traces", body, encoding: "gzip"), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-protobuf", response.Content.Headers.ContentType?.MediaType);
        var answer = ExportTraceServiceResponse.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Null(answer.PartialSuccess);
        Assert.Equal(3, host.Traces.SpanCount);
        Assert.NotNull(host.Traces.GetTrace(OtlpTestData.HexId(16, 2)));
    }

    [Fact]
    public async Task Spans_without_ids_are_reported_as_rejected_in_a_partial_success()
    {
        await using var host = await ReceiverHost.StartAsync();
        var request = OtlpTestData.TraceRequest("orders", spans: 2);
        request.ResourceSpans[0].ScopeSpans[0].Spans[1].SpanId = ByteString.Empty;

        using var response = await host.Client.SendAsync(Post("traces", request.ToByteArray()), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = ExportTraceServiceResponse.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(1, answer.PartialSuccess.RejectedSpans);
        Assert.Equal(1, host.Traces.SpanCount);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/plain")]
    public async Task Other_media_types_are_refused_with_415(string mediaType)
    {
        await using var host = await ReceiverHost.StartAsync();
        using var response = await host.Client.SendAsync(Post("logs", "{}"u8.ToArray(), mediaType: mediaType), Ct);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_content_encoding_is_refused_with_415()
    {
        await using var host = await ReceiverHost.StartAsync();
        using var response = await host.Client.SendAsync(Post("logs", [], encoding: "br"), Ct);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task An_unparseable_body_is_refused_with_a_400_problem()
    {
        await using var host = await ReceiverHost.StartAsync();
        using var response = await host.Client.SendAsync(Post("metrics", [0xff, 0xff, 0xff, 0xff, 0x0f, 0x01]), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);

        using var badGzip = await host.Client.SendAsync(Post("metrics", [1, 2, 3, 4], encoding: "gzip"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badGzip.StatusCode);
    }

    [Fact]
    public async Task Bodies_over_16_MB_are_refused_with_413_also_after_decompression()
    {
        await using var host = await ReceiverHost.StartAsync();
        var tooLarge = new byte[16 * 1024 * 1024 + 1];

        using var plain = await host.Client.SendAsync(Post("logs", tooLarge), Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, plain.StatusCode);

        var bomb = Gzip(tooLarge);
        Assert.True(bomb.Length < 1024 * 1024);
        using var compressed = await host.Client.SendAsync(Post("logs", bomb, encoding: "gzip"), Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, compressed.StatusCode);
        Assert.Equal(0, host.Logs.Count);
    }

    [Fact]
    public async Task An_empty_request_is_answered_200()
    {
        await using var host = await ReceiverHost.StartAsync();
        using var response = await host.Client.SendAsync(Post("logs", new ExportLogsServiceRequest().ToByteArray()), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(ExportLogsServiceResponse.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync(Ct)));
    }

    [Fact]
    public async Task The_configured_span_limit_holds_and_the_oldest_spans_go_first()
    {
        await using var host = await ReceiverHost.StartAsync(new Dictionary<string, string?> { ["Dashboard:Telemetry:MaxSpans"] = "5" });
        for (var batch = 0; batch < 3; batch++)
        {
            var body = OtlpTestData.TraceRequest("orders", spans: 4, firstTraceNumber: batch * 4 + 1).ToByteArray();
            using var response = await host.Client.SendAsync(Post("traces", body), Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(5, host.Traces.SpanCount);
        Assert.Null(host.Traces.GetTrace(OtlpTestData.HexId(16, 7)));
        Assert.NotNull(host.Traces.GetTrace(OtlpTestData.HexId(16, 8)));
        var listed = host.Traces.QueryTraces(new(Take: 2));
        Assert.Equal(5, listed.TotalCount);
        Assert.Equal(["span 12", "span 11"], listed.Items.Select(t => t.RootSpanName));
    }

    [Fact]
    public async Task Without_a_configured_key_every_request_is_refused()
    {
        await using var host = await ReceiverHost.StartAsync(new Dictionary<string, string?> { ["Dashboard:Otlp:ApiKey"] = "" });
        using var withoutKey = await host.Client.SendAsync(Post("traces", OtlpTestData.TraceRequest("orders", 1).ToByteArray(), apiKey: null), Ct);
        using var withEmptyKey = await host.Client.SendAsync(Post("traces", OtlpTestData.TraceRequest("orders", 1).ToByteArray(), apiKey: ""), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, withoutKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withEmptyKey.StatusCode);
        Assert.Equal(0, host.Traces.SpanCount);
    }
}
