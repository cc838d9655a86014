using Microsoft.AspNetCore.Identity;
using Platform.Users.Data;

namespace Platform.Users.Accounts;

/// <summary>Hashes and verifies passwords with ASP.NET Core Identity's hasher (PBKDF2).</summary>
public sealed class Passwords
{
    private readonly PasswordHasher<User> _hasher = new();
    private readonly User _nobody;

    public Passwords()
    {
        _nobody = User.Create("nobody", "nobody@invalid", role: "none");
        _nobody.PasswordHash = _hasher.HashPassword(_nobody, Guid.NewGuid().ToString());
    }

    public string Hash(User user, string password) => _hasher.HashPassword(user, password);

    /// <summary>
    /// Verifies <paramref name="password"/> against the user's hash, re-hashing it when the hasher's settings changed.
    /// For no user, it verifies against a dummy hash, so an unknown email takes as long as a wrong password.
    /// </summary>
    public bool Verify(User? user, string password)
    {
        if (user is null)
        {
            _hasher.VerifyHashedPassword(_nobody, _nobody.PasswordHash, password);
            return false;
        }
        switch (_hasher.VerifyHashedPassword(user, user.PasswordHash, password))
        {
            case PasswordVerificationResult.Success:
                return true;
            case PasswordVerificationResult.SuccessRehashNeeded:
                user.PasswordHash = _hasher.HashPassword(user, password);
                return true;
            default:
                return false;
        }
    }
}
