namespace Platform.Gateway;

/// <summary>Configuration section <c>Gateway</c>.</summary>
public sealed class GatewayOptions
{
    public const string SectionName = "Gateway";

    /// <summary>How long an upstream may take to answer with its response headers before the client gets a 504.</summary>
    public TimeSpan UpstreamTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The largest request body forwarded; a larger one is answered 413.</summary>
    public long MaxRequestBodySize { get; set; } = 1024 * 1024;
}
