using System.Globalization;

namespace FileBridge.OidcIssuer;

/// <summary>The issuer's routes, relative to the path of <see cref="IssuerOptions.Url"/>.</summary>
public static class IssuerEndpoints
{
    public const string JwksPath = "/keys";

    public static void MapIssuerEndpoints(this WebApplication app, IssuerOptions issuer)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(issuer);
        var root = issuer.Url.AbsolutePath.TrimEnd('/');
        var baseUrl = issuer.Url.GetLeftPart(UriPartial.Authority) + root;

        app.MapGet(root + "/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = issuer.Url.OriginalString,
            ["jwks_uri"] = baseUrl + JwksPath,
            ["response_types_supported"] = new[] { "id_token" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["claims_supported"] = new[] { "sub", "aud", "iss", "exp", "iat", "nbf", "oid", "tid" },
        }));
        app.MapGet(root + JwksPath, (SigningKey key) => Results.Json(key.Jwks()));

        // For tests: aud, sub (defaults: the configured ones) and lifetimeSeconds (negative = already expired).
        app.MapPost(root + "/token", (HttpRequest request, TokenMinter minter) =>
        {
            var query = request.Query;
            var lifetime = int.TryParse(query["lifetimeSeconds"], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds)
                ? TimeSpan.FromSeconds(seconds)
                : issuer.TokenLifetime;
            var audience = query["aud"].FirstOrDefault() ?? issuer.Audience;
            var subject = query["sub"].FirstOrDefault() ?? issuer.Subject;
            return Results.Text(minter.Mint(audience, subject, lifetime), "application/jwt");
        });
    }
}
