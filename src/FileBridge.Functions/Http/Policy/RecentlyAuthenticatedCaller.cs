using FileBridge.Core.SecondFactor;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace FileBridge.Functions.Http.Policy;

/// <summary><see cref="Callers.RecentlyAuthenticated"/>: a valid session (else 401) authenticated within <c>Login:RecentAuthWindow</c> (else 403 <c>reauth_required</c>).</summary>
public sealed class RecentlyAuthenticatedCaller(RequestAuthenticator authenticator, IOptions<SecondFactorOptions> options, TimeProvider time)
    : ICallerRequirement
{
    public Task IdentifyAsync(HttpContext context) => authenticator.AuthenticateAsync(context);

    public ObjectResult? Refusal(HttpContext context) => RequestCaller.Identified(context) switch
    {
        null => Problems.Unauthenticated(),
        var user when !RecentAuthentication.IsRecent(user, options.Value, time) => Problems.ReauthRequired(),
        _ => null,
    };
}
