using FileBridge.Core.SecondFactor;
using FileBridge.Core.Sessions;
using FileBridge.Functions.Http.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace FileBridge.Functions.Http;

/// <summary>
/// Finds the signed-in user of a request from its session cookie, once per request (<see cref="RequestCaller"/>).
/// Under <c>Login:SecondFactor</c> = <c>Required</c> a session authenticated without a second factor is no session
/// (unless its person is a service account marked <c>--no-second-factor</c>): made under another policy, it ends
/// with the policy's change.
/// </summary>
public sealed class RequestAuthenticator(SessionService sessions, IOptions<SecondFactorOptions>? secondFactor = null)
{
    public async Task<AuthenticatedUser?> AuthenticateAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (RequestCaller.TryGet(context, out var known))
        {
            return known;
        }

        var user = await sessions.AuthenticateAsync(SessionCookie.Read(context.Request), context.RequestAborted);
        if (user is not null && secondFactor?.Value.SecondFactor == SecondFactorPolicy.Required
            && !user.NoSecondFactor && !SessionAmr.HasSecondFactor(user.Amr))
        {
            user = null;
        }

        RequestCaller.Set(context, user);
        return user;
    }
}
