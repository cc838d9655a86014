using Platform.Users.Data;

namespace Platform.Users.Endpoints;

// Every field is nullable so a missing one is reported by validation, per field, rather than by the JSON reader.

public sealed record RegisterUserRequest(string? Username, string? Email, string? Password);

/// <summary><c>Password</c> changes the password; a user changing its own must give <c>CurrentPassword</c>.</summary>
public sealed record UpdateUserRequest(string? Username, string? Email, string? Password, string? CurrentPassword);

public sealed record LoginRequest(string? Email, string? Password);

public sealed record UserResponse(Guid Id, string Username, string Email)
{
    public static UserResponse From(User user) => new(user.Id, user.Username, user.Email);
}

public sealed record AccessTokenResponse(string AccessToken, DateTimeOffset ExpiresAt);
