namespace Platform.Orders.Payments;

/// <summary>The card network, from the number's leading digits (the issuer identification number).</summary>
public static class CardBrands
{
    public static string Of(string number) => number switch
    {
        ['4', ..] => "Visa",
        ['3', '4' or '7', ..] => "American Express",
        ['5', >= '1' and <= '5', ..] => "Mastercard",
        _ when number.Length >= 4 && int.Parse(number[..4]) is >= 2221 and <= 2720 => "Mastercard",
        ['6', '0', '1', '1', ..] or ['6', '5', ..] => "Discover",
        _ => "Card",
    };
}
