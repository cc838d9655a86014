using System.Net.Mail;
using System.Text.RegularExpressions;

namespace Platform.Users.Accounts;

/// <summary>The rules for usernames, emails and passwords; each failure is keyed by the JSON field it concerns.</summary>
public static partial class AccountValidation
{
    public const int MaxEmailLength = 254;
    public const int MinPasswordLength = 8;
    public const int MaxPasswordLength = 128;

    [GeneratedRegex("^[A-Za-z0-9._-]{3,32}$")]
    private static partial Regex UsernamePattern();

    public static void Username(Errors errors, string? username)
    {
        if (string.IsNullOrEmpty(username))
        {
            errors.Add("username", "The username is required.");
        }
        else if (!UsernamePattern().IsMatch(username))
        {
            errors.Add("username", "The username must be 3 to 32 letters, digits, '.', '_' or '-'.");
        }
    }

    public static void Email(Errors errors, string? email)
    {
        if (string.IsNullOrEmpty(email))
        {
            errors.Add("email", "The email is required.");
        }
        else if (email.Length > MaxEmailLength)
        {
            errors.Add("email", $"The email must be at most {MaxEmailLength} characters.");
        }
        else if (!IsEmailAddress(email))
        {
            errors.Add("email", "The email is not a valid address.");
        }
    }

    /// <param name="field">The JSON field the password came in (<c>password</c>, or <c>newPassword</c>).</param>
    public static void Password(Errors errors, string? password, string? username, string field = "password")
    {
        if (string.IsNullOrEmpty(password))
        {
            errors.Add(field, "The password is required.");
            return;
        }
        if (password.Length is < MinPasswordLength or > MaxPasswordLength)
        {
            errors.Add(field, $"The password must be {MinPasswordLength} to {MaxPasswordLength} characters.");
            return;
        }
        if (!password.Any(char.IsUpper) || !password.Any(char.IsLower) || !password.Any(char.IsDigit))
        {
            errors.Add(field, "The password must contain an upper-case letter, a lower-case letter and a digit.");
        }
        if (!string.IsNullOrEmpty(username) && password.Contains(username, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(field, "The password must not contain the username.");
        }
    }

    /// <summary>A bare address (no display name, no surrounding text) with a dot in its domain.</summary>
    private static bool IsEmailAddress(string email) =>
        MailAddress.TryCreate(email, out var address)
        && address.Address == email
        && address.DisplayName.Length == 0
        && !email.Any(char.IsWhiteSpace)
        && address.Host.Contains('.')
        && !address.Host.StartsWith('.') && !address.Host.EndsWith('.');
}
