using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace FileBridge.Functions.Http;

/// <summary>
/// Refuses state-changing requests sent by another site. SameSite=Strict already keeps the cookie
/// away from them; this also stops login CSRF, where no cookie is involved yet.
/// </summary>
public sealed class OriginPolicy(IOptions<WebOptions> options)
{
    private readonly HashSet<string> _allowed = new(options.Value.ParsedOrigins(), StringComparer.OrdinalIgnoreCase);

    public bool Allows(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (string.IsNullOrEmpty(origin))
        {
            // Non-browser clients (curl, scripts) send no Origin and carry no ambient credentials;
            // a browser that omits it still says where the request came from.
            return request.Headers["Sec-Fetch-Site"].ToString() is not "cross-site";
        }

        var own = $"{request.Scheme}://{request.Host.Value}";
        return string.Equals(origin, own, StringComparison.OrdinalIgnoreCase) || _allowed.Contains(origin);
    }
}
