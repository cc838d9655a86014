namespace Platform.Notifications.Data;

/// <summary>This service's own copy of a user's address, kept from <c>UserRegistered</c> events.</summary>
public sealed class Recipient
{
    public Guid UserId { get; set; }
    public required string Username { get; set; }
    public required string Email { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
