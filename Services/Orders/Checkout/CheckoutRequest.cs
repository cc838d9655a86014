using Platform.Orders.Data;
using Platform.Orders.Payments;

namespace Platform.Orders.Checkout;

/// <summary>The body of <c>POST /api/orders</c>; every field is nullable so a missing one is reported by name.</summary>
public sealed record CheckoutRequest(ShippingAddressRequest? ShippingAddress, PaymentRequest? Payment)
{
    public Dictionary<string, string[]> Validate(DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        var address = ShippingAddress ?? new ShippingAddressRequest(null, null, null, null, null, null);
        Require(errors, "shippingAddress.name", address.Name, OrderRules.NameMaxLength);
        Require(errors, "shippingAddress.line1", address.Line1, OrderRules.AddressLineMaxLength);
        if (address.Line2?.Length > OrderRules.AddressLineMaxLength)
        {
            errors["shippingAddress.line2"] = [$"At most {OrderRules.AddressLineMaxLength} characters."];
        }
        Require(errors, "shippingAddress.city", address.City, OrderRules.CityMaxLength);
        if (Require(errors, "shippingAddress.postalCode", address.PostalCode, OrderRules.PostalCodeMaxLength)
            && !address.PostalCode!.Trim().All(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '-'))
        {
            errors["shippingAddress.postalCode"] = ["Letters, digits, spaces and hyphens only."];
        }
        if (address.Country is not { Length: 2 } country || !country.All(char.IsAsciiLetter))
        {
            errors["shippingAddress.country"] = ["A two-letter country code (ISO 3166-1 alpha-2) is required."];
        }

        var payment = Payment ?? new PaymentRequest(null, null, null);
        if (payment.CardNumber is not { } number || !CardRules.IsValidNumber(number))
        {
            errors["payment.cardNumber"] = [$"A card number of {CardRules.MinNumberLength} to {CardRules.MaxNumberLength} digits, without spaces, with a valid check digit."];
        }
        if (payment.Expiry is not { } expiry || !CardRules.TryParseExpiry(expiry, out var month, out var year))
        {
            errors["payment.expiry"] = ["The expiry is required as MM/YY."];
        }
        else if (!CardRules.IsCurrent(month, year, now))
        {
            errors["payment.expiry"] = ["The card has expired."];
        }
        if (payment.Cvc is not { } cvc || !CardRules.IsValidCvc(cvc))
        {
            errors["payment.cvc"] = ["The CVC is 3 or 4 digits."];
        }
        return errors;
    }

    public ShippingAddress ToShippingAddress()
    {
        var a = ShippingAddress!;
        return new ShippingAddress(a.Name!.Trim(), a.Line1!.Trim(), string.IsNullOrWhiteSpace(a.Line2) ? null : a.Line2.Trim(),
            a.City!.Trim(), a.PostalCode!.Trim(), a.Country!.ToUpperInvariant());
    }

    public PaymentCard ToPaymentCard()
    {
        CardRules.TryParseExpiry(Payment!.Expiry!, out var month, out var year);
        return new PaymentCard(Payment.CardNumber!, month, year, Payment.Cvc!);
    }

    private static bool Require(Dictionary<string, string[]> errors, string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > maxLength)
        {
            errors[field] = [$"Required, 1 to {maxLength} characters."];
            return false;
        }
        return true;
    }
}

public sealed record ShippingAddressRequest(string? Name, string? Line1, string? Line2, string? City, string? PostalCode, string? Country);

public sealed record PaymentRequest(string? CardNumber, string? Expiry, string? Cvc);
