using System.Security.Cryptography;
using Aspire.Hosting.Publishing;

/// <summary>
/// A new RSA-2048 private key (PKCS#8 PEM) as a parameter's default. With <c>persist: true</c> it is generated
/// once into the AppHost's user secrets, so tokens signed in one run stay valid in the next.
/// </summary>
internal sealed class RsaPrivateKeyParameterDefault : ParameterDefault
{
    public override string GetDefaultValue()
    {
        using var key = RSA.Create(2048);
        return key.ExportPkcs8PrivateKeyPem();
    }

    // Used in run mode only (Program.cs): a deployment asks for the key instead.
    public override void WriteToManifest(ManifestPublishingContext context) =>
        throw new NotSupportedException("The signing key is a parameter without a default in a manifest.");
}
