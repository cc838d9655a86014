using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using Platform.ServiceDefaults.Authentication;

namespace Platform.Users.Tokens;

/// <summary>
/// The RSA key the service signs access tokens with, read from configuration <c>Jwt:SigningKey</c> (PKCS#8 PEM).
/// Its key id is the RFC 7638 thumbprint of the public key (SHA-256, base64url), so it changes with the key.
/// </summary>
public sealed class SigningKey
{
    public const string ConfigurationKey = "Jwt:SigningKey";
    private const int MinKeySize = 2048;

    private SigningKey(RSA rsa)
    {
        var publicKey = new RsaSecurityKey(rsa.ExportParameters(includePrivateParameters: false));
        PublicJwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(publicKey);
        KeyId = Base64UrlEncoder.Encode(PublicJwk.ComputeJwkThumbprint());
        PublicJwk.KeyId = KeyId;
        PublicJwk.Use = JsonWebKeyUseNames.Sig;
        PublicJwk.Alg = PlatformJwt.Algorithm;
        PublicKey = new RsaSecurityKey(rsa.ExportParameters(includePrivateParameters: false)) { KeyId = KeyId };
        Credentials = new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256);
    }

    public string KeyId { get; }

    public SigningCredentials Credentials { get; }

    /// <summary>The public half, which the service validates its own tokens with.</summary>
    public SecurityKey PublicKey { get; }

    /// <summary>The public half as published in the JWKS.</summary>
    public JsonWebKey PublicJwk { get; }

    /// <exception cref="InvalidOperationException">The key is missing or not an RSA private key of at least 2048 bits.</exception>
    public static SigningKey FromConfiguration(IConfiguration configuration)
    {
        var pem = configuration[ConfigurationKey];
        if (string.IsNullOrWhiteSpace(pem))
        {
            throw new InvalidOperationException(
                $"Configuration '{ConfigurationKey}' (environment Jwt__SigningKey) is missing: set it to an RSA private key in PKCS#8 PEM ('-----BEGIN PRIVATE KEY-----').");
        }
        var rsa = RSA.Create();
        try
        {
            var fields = PemEncoding.Find(pem);
            if (pem[fields.Label] is not "PRIVATE KEY")
            {
                throw new InvalidOperationException($"Configuration '{ConfigurationKey}' holds a '{pem[fields.Label]}' PEM; expected an RSA private key in PKCS#8 ('PRIVATE KEY').");
            }
            rsa.ImportFromPem(pem);
        }
        catch (Exception exception) when (exception is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
            throw new InvalidOperationException(
                $"Configuration '{ConfigurationKey}' is not a valid RSA private key in PKCS#8 PEM: {exception.Message}", exception);
        }
        if (rsa.KeySize < MinKeySize)
        {
            rsa.Dispose();
            throw new InvalidOperationException($"Configuration '{ConfigurationKey}' holds a {rsa.KeySize}-bit key; at least {MinKeySize} bits are required.");
        }
        return new SigningKey(rsa);
    }
}
