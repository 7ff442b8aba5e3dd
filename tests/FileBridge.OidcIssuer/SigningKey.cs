using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.IdentityModel.Tokens;

namespace FileBridge.OidcIssuer;

/// <summary>
/// The issuer's one RSA key, new on every start, wrapped in a self-signed certificate: RGW reads the key from the
/// JWKS entry's <c>x5c</c> and uses only the first key, so there is exactly one.
/// </summary>
public sealed class SigningKey : IDisposable
{
    private readonly X509Certificate2 _certificate;

    public SigningKey(string subjectName)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN={subjectName}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = DateTimeOffset.UtcNow;
        _certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(30));
        Key = new X509SecurityKey(_certificate, _certificate.Thumbprint);
        Credentials = new SigningCredentials(Key, SecurityAlgorithms.RsaSha256);
    }

    public X509SecurityKey Key { get; }

    public SigningCredentials Credentials { get; }

    /// <summary>The JWKS document: one RSA key with its certificate chain.</summary>
    public object Jwks()
    {
        var parameters = _certificate.GetRSAPublicKey()!.ExportParameters(false);
        return new
        {
            keys = new[]
            {
                new
                {
                    kty = "RSA",
                    use = "sig",
                    alg = SecurityAlgorithms.RsaSha256,
                    kid = Key.KeyId,
                    x5t = Base64UrlEncoder.Encode(_certificate.GetCertHash()),
                    n = Base64UrlEncoder.Encode(parameters.Modulus),
                    e = Base64UrlEncoder.Encode(parameters.Exponent),
                    x5c = new[] { Convert.ToBase64String(_certificate.RawData) },
                },
            },
        };
    }

    public void Dispose() => _certificate.Dispose();
}
