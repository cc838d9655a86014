namespace Platform.Notifications.Tests;

public sealed record NotificationDto(Guid Id, string Kind, string Title, string Body, Guid? OrderId, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

public sealed record NotificationPageDto(List<NotificationDto> Items, int Unread, int Page, int PageSize, int Total);

public sealed record ProblemDto(int Status, string? Title, Dictionary<string, string[]>? Errors);
