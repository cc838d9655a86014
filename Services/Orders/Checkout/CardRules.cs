using System.Globalization;

namespace Platform.Orders.Checkout;

/// <summary>Format checks of a card as typed: digits and the Luhn checksum, an expiry month not yet past, a CVC.</summary>
public static class CardRules
{
    public const int MinNumberLength = 12;
    public const int MaxNumberLength = 19;
    private const int MaxYearsAhead = 20;

    public static bool IsValidNumber(string number) =>
        number.Length is >= MinNumberLength and <= MaxNumberLength && number.All(char.IsAsciiDigit) && PassesLuhn(number);

    public static bool PassesLuhn(string digits)
    {
        var sum = 0;
        var doubleIt = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var digit = digits[i] - '0';
            if (doubleIt)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }
            sum += digit;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }

    /// <summary>Parses "MM/YY" into a month and a four-digit year.</summary>
    public static bool TryParseExpiry(string expiry, out int month, out int year)
    {
        month = year = 0;
        if (expiry.Length != 5 || expiry[2] != '/'
            || !int.TryParse(expiry.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out month)
            || !int.TryParse(expiry.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var shortYear)
            || month is < 1 or > 12)
        {
            return false;
        }
        year = 2000 + shortYear;
        return true;
    }

    /// <summary>A card is valid through the last day of its expiry month.</summary>
    public static bool IsCurrent(int month, int year, DateTimeOffset now) =>
        (year, month).CompareTo((now.Year, now.Month)) >= 0 && year <= now.Year + MaxYearsAhead;

    public static bool IsValidCvc(string cvc) => cvc.Length is 3 or 4 && cvc.All(char.IsAsciiDigit);
}
