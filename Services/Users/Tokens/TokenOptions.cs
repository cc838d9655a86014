namespace Platform.Users.Tokens;

/// <summary>Section <c>Jwt</c>: how long access tokens live.</summary>
public sealed class TokenOptions
{
    public const string SectionName = "Jwt";

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);
}
