namespace Platform.Users.Data;

/// <summary>An account. The normalized columns carry the case-insensitive unique indexes.</summary>
public sealed class User
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string Username { get; set; }

    public required string NormalizedUsername { get; set; }

    public required string Email { get; set; }

    public required string NormalizedEmail { get; set; }

    public required string PasswordHash { get; set; }

    public required string Role { get; set; }

    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>A new account without a password hash yet (the hasher takes the user).</summary>
    public static User Create(string username, string email, string role)
    {
        var user = new User { Username = "", NormalizedUsername = "", Email = "", NormalizedEmail = "", PasswordHash = "", Role = role };
        user.SetUsername(username);
        user.SetEmail(email);
        return user;
    }

    public void SetUsername(string username)
    {
        Username = username;
        NormalizedUsername = Normalize(username);
    }

    public void SetEmail(string email)
    {
        Email = email;
        NormalizedEmail = Normalize(email);
    }

    public static string Normalize(string value) => value.ToUpperInvariant();
}
