namespace Platform.Contracts;

[EventName("user-registered")]
public sealed record UserRegistered(Guid UserId, string Username, string Email) : IntegrationEvent;

/// <summary>The user's name or email changed; services keeping a copy of them update it.</summary>
[EventName("user-updated")]
public sealed record UserUpdated(Guid UserId, string Username, string Email) : IntegrationEvent;

[EventName("user-deleted")]
public sealed record UserDeleted(Guid UserId) : IntegrationEvent;
