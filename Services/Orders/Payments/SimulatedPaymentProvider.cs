namespace Platform.Orders.Payments;

/// <summary>
/// A stand-in for a real provider, with the test cards of the README: 4000000000000002 is declined,
/// 4000000000009995 is declined for insufficient funds, any other valid number is accepted. The outcome is
/// written into the token itself (as a provider's test tokens do), so any replica can charge a token another
/// replica issued without shared state; the number itself is not in it. A charge's id derives from its
/// idempotency key, so a repeated charge (another replica, a redelivered event) is the same charge.
/// </summary>
public sealed class SimulatedPaymentProvider : IPaymentProvider
{
    public const string DeclinedCard = "4000000000000002";
    public const string InsufficientFundsCard = "4000000000009995";

    private const string TokenPrefix = "tok_sim_";
    private const string Accept = "accept";
    private const string Decline = "decline";
    private const string InsufficientFunds = "nsf";

    public Task<CardToken> TokenizeAsync(PaymentCard card, CancellationToken cancellationToken)
    {
        var outcome = card.Number switch
        {
            DeclinedCard => Decline,
            InsufficientFundsCard => InsufficientFunds,
            _ => Accept,
        };
        var token = $"{TokenPrefix}{outcome}_{Guid.NewGuid():N}";
        return Task.FromResult(new CardToken(token, CardBrands.Of(card.Number), card.Number[^4..]));
    }

    public Task<ChargeResult> ChargeAsync(string token, decimal amount, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        var outcome = token.StartsWith(TokenPrefix, StringComparison.Ordinal) ? token[TokenPrefix.Length..].Split('_')[0] : null;
        return Task.FromResult(outcome switch
        {
            Accept => ChargeResult.Charged($"ch_sim_{idempotencyKey}"),
            Decline => ChargeResult.Declined("Your card was declined."),
            InsufficientFunds => ChargeResult.Declined("insufficient funds"),
            _ => ChargeResult.Declined("Unknown payment token."),
        });
    }
}
