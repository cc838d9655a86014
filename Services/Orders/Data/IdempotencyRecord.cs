namespace Platform.Orders.Data;

/// <summary>
/// Remembers which order a checkout with a given <c>Idempotency-Key</c> created, and a fingerprint of its body,
/// so a retried request gets the same order and a reused key with another body is refused.
/// </summary>
public sealed class IdempotencyRecord
{
    public Guid UserId { get; set; }
    public required string Key { get; set; }
    public required string Fingerprint { get; set; }
    public Guid OrderId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
