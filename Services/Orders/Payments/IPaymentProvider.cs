namespace Platform.Orders.Payments;

/// <summary>
/// A card payment provider. Checkout exchanges the card for a token (a real provider does this in the browser,
/// so the card never reaches the shop); the saga later charges the token once per order.
/// </summary>
public interface IPaymentProvider
{
    Task<CardToken> TokenizeAsync(PaymentCard card, CancellationToken cancellationToken);

    /// <summary>
    /// Charges <paramref name="amount"/> to the card behind <paramref name="token"/>. Calls with the same
    /// <paramref name="idempotencyKey"/> charge at most once and answer the first call's result.
    /// </summary>
    Task<ChargeResult> ChargeAsync(string token, decimal amount, string idempotencyKey, CancellationToken cancellationToken);
}

/// <summary>A card as the customer typed it; held in memory only while it is tokenized.</summary>
public sealed record PaymentCard(string Number, int ExpiryMonth, int ExpiryYear, string Cvc);

/// <summary>What the shop keeps of a card: the provider's token, the brand and the last four digits.</summary>
public sealed record CardToken(string Token, string Brand, string Last4);

public sealed record ChargeResult(bool Succeeded, string? ChargeId, string? DeclineReason)
{
    public static ChargeResult Charged(string chargeId) => new(true, chargeId, null);

    public static ChargeResult Declined(string reason) => new(false, null, reason);
}
