using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Platform.Orders.Checkout;

/// <summary>
/// Tells whether a retried checkout repeats the first request. It hashes the parsed request (so formatting does
/// not matter) with the card reduced to its last four digits and expiry and the CVC left out: a card number's
/// few unknown digits could be recovered from a plain hash by trying them all, so none of it is hashed.
/// </summary>
public static class RequestFingerprint
{
    public static string Of(CheckoutRequest request)
    {
        var card = request.Payment!.CardNumber!;
        var canonical = request with { Payment = request.Payment with { CardNumber = card[^4..], Cvc = null } };
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(canonical)));
        return Convert.ToHexStringLower(bytes);
    }
}
