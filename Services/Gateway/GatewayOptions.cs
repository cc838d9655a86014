namespace Platform.Gateway;

/// <summary>Configuration section <c>Gateway</c>.</summary>
public sealed class GatewayOptions
{
    public const string SectionName = "Gateway";

    /// <summary>The largest request body forwarded; a larger one is answered 413.</summary>
    public long MaxRequestBodySize { get; set; } = 1024 * 1024;
}
