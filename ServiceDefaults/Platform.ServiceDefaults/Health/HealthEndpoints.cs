using Microsoft.AspNetCore.Http;

namespace Platform.ServiceDefaults.Health;

/// <summary>The probe endpoints every service maps.</summary>
public static class HealthEndpoints
{
    /// <summary>Readiness: every registered check.</summary>
    public const string ReadinessPath = "/health";

    /// <summary>Liveness: only the checks tagged <see cref="LiveTag"/>.</summary>
    public const string LivenessPath = "/alive";

    public const string LiveTag = "live";

    public static bool IsProbe(PathString path) =>
        path.StartsWithSegments(ReadinessPath) || path.StartsWithSegments(LivenessPath);
}
