namespace Platform.Gateway.Security;

/// <summary>Configuration section <c>RateLimiting</c>: fixed windows, counted per user (sub claim) and per client IP.</summary>
public sealed class RateLimitingOptions
{
    public const string SectionName = "RateLimiting";

    public int PermitsPerUser { get; set; } = 100;

    public int PermitsPerIp { get; set; } = 300;

    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(10);
}
