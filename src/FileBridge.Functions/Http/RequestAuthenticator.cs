using FileBridge.Core.Sessions;
using Microsoft.AspNetCore.Http;

namespace FileBridge.Functions.Http;

/// <summary>Finds the signed-in user of a request from its session cookie, once per request.</summary>
public sealed class RequestAuthenticator(SessionService sessions)
{
    // The rate limiter asks before the function does; the session row is read only once.
    private static readonly object CacheKey = new();

    public async Task<AuthenticatedUser?> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.HttpContext.Items.TryGetValue(CacheKey, out var known))
        {
            return (AuthenticatedUser?)known;
        }

        var user = await sessions.AuthenticateAsync(SessionCookie.Read(request), cancellationToken);
        request.HttpContext.Items[CacheKey] = user;
        return user;
    }
}
