using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Platform.Dashboard.Security;

/// <summary>
/// The one-time token of the login URL the AppHost prints, and the sessions it opened. A used token is
/// replaced at once by a fresh one, printed for the next browser.
/// </summary>
public sealed class LoginTokens
{
    private readonly ConcurrentDictionary<string, byte> _sessions = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private string _current = NewSecret();

    /// <summary>Raised with the new token each time the current one is used.</summary>
    public event Action<string>? TokenIssued;

    public string CurrentToken
    {
        get
        {
            lock (_lock)
            {
                return _current;
            }
        }
    }

    /// <summary>Uses the token if it is the current one; returns the id of the session it opens.</summary>
    public bool TryRedeem(string? token, out string sessionId)
    {
        sessionId = "";
        string fresh;
        lock (_lock)
        {
            if (token is null || !FixedTimeEquals(token, _current))
            {
                return false;
            }
            _current = fresh = NewSecret();
        }
        sessionId = NewSecret();
        _sessions[sessionId] = 0;
        TokenIssued?.Invoke(fresh);
        return true;
    }

    public bool IsSession(string? sessionId) => sessionId is not null && _sessions.ContainsKey(sessionId);

    private static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

    internal static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
}
