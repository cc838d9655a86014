namespace Platform.Gateway.Forwarding;

/// <summary>Headers that describe one connection, not the message, so a proxy never passes them on (RFC 9110 §7.6.1).</summary>
public static class HopByHopHeaders
{
    private static readonly HashSet<string> Always = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Transfer-Encoding", "TE", "Trailer", "Upgrade",
    };

    /// <summary>Whether a header is hop-by-hop in a message whose Connection header is <paramref name="connection"/>.</summary>
    public static Func<string, bool> Of(IEnumerable<string?> connection)
    {
        var named = connection
            .OfType<string>()
            .SelectMany(value => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return name => Always.Contains(name) || named.Contains(name) || name.StartsWith("Proxy-", StringComparison.OrdinalIgnoreCase);
    }
}
