using FileBridge.Core.Sessions;
using FileBridge.Functions.Http.Policy;
using Microsoft.AspNetCore.Http;

namespace FileBridge.Functions.Http;

/// <summary>Finds the signed-in user of a request from its session cookie, once per request (<see cref="RequestCaller"/>).</summary>
public sealed class RequestAuthenticator(SessionService sessions)
{
    public async Task<AuthenticatedUser?> AuthenticateAsync(HttpContext context)
    {
        if (RequestCaller.TryGet(context, out var known))
        {
            return known;
        }

        var user = await sessions.AuthenticateAsync(SessionCookie.Read(context.Request), context.RequestAborted);
        RequestCaller.Set(context, user);
        return user;
    }
}
