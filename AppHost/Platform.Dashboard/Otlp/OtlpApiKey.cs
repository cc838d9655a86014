using System.Security.Cryptography;
using System.Text;

namespace Platform.Dashboard.Otlp;

internal static class OtlpApiKey
{
    /// <summary>
    /// Constant-time comparison; both sides are hashed first so neither the length nor a prefix leaks. Without a
    /// configured key nothing is accepted: telemetry carries connection details and must not be open to any local process.
    /// </summary>
    public static bool IsAccepted(string? configuredKey, string? presentedKey)
    {
        if (string.IsNullOrEmpty(configuredKey) || presentedKey is null)
        {
            return false;
        }
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(configuredKey));
        var actual = SHA256.HashData(Encoding.UTF8.GetBytes(presentedKey));
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }
}
