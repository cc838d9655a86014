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
