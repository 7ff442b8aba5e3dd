using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FileBridge.OidcIssuer;

/// <summary>RS256 tokens shaped like Entra ID's managed identity tokens: <c>iss</c>, <c>aud</c>, <c>sub</c>, <c>oid</c>, <c>tid</c>, <c>iat</c>, <c>nbf</c>, <c>exp</c>.</summary>
public sealed class TokenMinter(SigningKey key, IOptions<IssuerOptions> options, TimeProvider timeProvider)
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <summary>The token the token file carries: the configured audience and subject.</summary>
    public string Default() => Mint(options.Value.Audience, options.Value.Subject, options.Value.TokenLifetime);

    /// <param name="audience">The <c>aud</c> claim.</param>
    /// <param name="subject">The <c>sub</c> and <c>oid</c> claims.</param>
    /// <param name="lifetime">From now to <c>exp</c>; negative mints a token that has already expired.</param>
    public string Mint(string audience, string subject, TimeSpan lifetime)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var expires = now + lifetime;
        // An expired token was issued before it expired, like a real one left lying in a file.
        var issued = lifetime > TimeSpan.Zero ? now : expires - TimeSpan.FromHours(1);
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Value.Url.OriginalString,
            Audience = audience,
            IssuedAt = issued,
            NotBefore = issued,
            Expires = expires,
            Claims = new Dictionary<string, object>
            {
                ["sub"] = subject,
                ["oid"] = subject,
                ["tid"] = options.Value.TenantId,
            },
            SigningCredentials = key.Credentials,
        });
    }
}
