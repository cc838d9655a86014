using Platform.Orders.Checkout;
using Platform.Orders.Payments;

namespace Platform.Orders.Tests;

/// <summary>Pure logic: the card checks and the simulated provider's test cards.</summary>
public sealed class PaymentTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("4242424242424242", true)]
    [InlineData("4000000000000002", true)]
    [InlineData("4000000000009995", true)]
    [InlineData("5555555555554444", true)]
    [InlineData("378282246310005", true)]
    [InlineData("4242424242424241", false)]
    [InlineData("424242424242424a", false)]
    [InlineData("42424242", false)]
    public void Card_numbers_need_digits_and_a_valid_check_digit(string number, bool valid) =>
        Assert.Equal(valid, CardRules.IsValidNumber(number));

    [Theory]
    [InlineData("4242424242424242", "Visa")]
    [InlineData("5555555555554444", "Mastercard")]
    [InlineData("2223003122003222", "Mastercard")]
    [InlineData("378282246310005", "American Express")]
    [InlineData("6011111111111117", "Discover")]
    [InlineData("3056930009020004", "Card")]
    public void The_brand_follows_the_leading_digits(string number, string brand) => Assert.Equal(brand, CardBrands.Of(number));

    [Fact]
    public void An_expiry_is_good_through_its_month()
    {
        var now = new DateTimeOffset(2026, 11, 30, 23, 0, 0, TimeSpan.Zero);
        Assert.True(CardRules.TryParseExpiry("11/26", out var month, out var year));
        Assert.True(CardRules.IsCurrent(month, year, now));
        Assert.True(CardRules.TryParseExpiry("10/26", out month, out year));
        Assert.False(CardRules.IsCurrent(month, year, now));
        Assert.False(CardRules.TryParseExpiry("00/27", out _, out _));
        Assert.False(CardRules.TryParseExpiry("1/27", out _, out _));
    }

    [Theory]
    [InlineData("4242424242424242", true, null)]
    [InlineData("5555555555554444", true, null)]
    [InlineData("4000000000000002", false, "Your card was declined.")]
    [InlineData("4000000000009995", false, "insufficient funds")]
    public async Task The_simulated_provider_answers_the_test_cards_and_a_repeated_charge_is_the_same_charge(string number, bool succeeds, string? reason)
    {
        var provider = new SimulatedPaymentProvider();
        var token = await provider.TokenizeAsync(new PaymentCard(number, 12, 2030, "123"), Cancellation);
        Assert.DoesNotContain(number, token.Token);
        Assert.Equal(number[^4..], token.Last4);

        var orderId = Guid.NewGuid().ToString();
        var charge = await provider.ChargeAsync(token.Token, 10m, orderId, Cancellation);
        var again = await new SimulatedPaymentProvider().ChargeAsync(token.Token, 10m, orderId, Cancellation);

        Assert.Equal((succeeds, reason), (charge.Succeeded, charge.DeclineReason));
        Assert.Equal(charge, again);
    }
}
