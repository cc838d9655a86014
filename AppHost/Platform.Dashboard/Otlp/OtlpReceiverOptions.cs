namespace Platform.Dashboard.Otlp;

/// <summary>Configuration section "Dashboard:Otlp".</summary>
public sealed class OtlpReceiverOptions
{
    public const string SectionName = "Dashboard:Otlp";
    public const string ApiKeyHeader = "x-otlp-api-key";

    /// <summary>The key exporters send in the x-otlp-api-key header. Empty: every request is refused.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Largest accepted body, compressed and decompressed.</summary>
    public long MaxRequestBodyBytes { get; set; } = 16 * 1024 * 1024;
}
