namespace Platform.Storefront.Gateway;

/// <summary>The gateway is down, timed out or answered 5xx: the shop shows its "unavailable" page (503).</summary>
public sealed class ShopUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The gateway refused the session's token (401): the session is over.</summary>
public sealed class SessionExpiredException() : Exception("The gateway refused the session's access token.");

/// <summary>The resource does not exist, or belongs to someone else (404).</summary>
public sealed class NotFoundException(string message) : Exception(message);
