namespace Platform.Contracts;

[EventName("user-registered")]
public sealed record UserRegistered(Guid UserId, string Username, string Email) : IntegrationEvent;

[EventName("user-deleted")]
public sealed record UserDeleted(Guid UserId) : IntegrationEvent;
