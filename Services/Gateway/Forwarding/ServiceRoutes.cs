namespace Platform.Gateway.Forwarding;

/// <summary>Which service owns which public path prefix, and which services publish an OpenAPI document.</summary>
public static class ServiceRoutes
{
    public static IReadOnlyList<(string Prefix, string Service)> Prefixes { get; } =
    [
        ("/api/users", "users"),
        ("/api/products", "products"),
        ("/api/categories", "products"),
        ("/api/cart", "orders"),
        ("/api/orders", "orders"),
        ("/api/notifications", "notifications"),
    ];

    public static IReadOnlySet<string> Services { get; } = Prefixes.Select(p => p.Service).ToHashSet();

    /// <summary>The service-discovery address of a service: the resolver turns it into one of its replicas.</summary>
    public static Uri Address(string service) => new($"http://{service}");
}
