using FileBridge.Core.PendingSteps;
using FileBridge.Core.SecondFactor;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace FileBridge.Functions.Http.Policy;

/// <summary>
/// A route both a signed-in person and one pending step may call (<see cref="Callers.PasswordChanger"/>,
/// <see cref="Callers.Enroller"/>). A session first, recently authenticated when <paramref name="recentAuth"/> says
/// so (else 403 <c>reauth_required</c>); without one, a live step of <paramref name="kind"/>; a pending cookie
/// naming nothing live (or another step) is 401 <c>step_expired</c>, and no cookie at all 401 <c>unauthenticated</c>.
/// </summary>
public sealed class SessionOrStepCaller(
    RequestAuthenticator authenticator,
    PendingStepReader reader,
    PendingStepKind kind,
    bool recentAuth,
    IOptions<SecondFactorOptions> options,
    TimeProvider time) : ICallerRequirement
{
    public async Task IdentifyAsync(HttpContext context)
    {
        if (await authenticator.AuthenticateAsync(context) is null)
        {
            await reader.ReadAsync(context);
        }
    }

    public ObjectResult? Refusal(HttpContext context)
    {
        if (RequestCaller.Identified(context) is { } user)
        {
            return recentAuth && !RecentAuthentication.IsRecent(user, options.Value, time) ? Problems.ReauthRequired() : null;
        }

        if (context.Request.Step() is { } step && step.Step == kind)
        {
            return null;
        }

        return HostCookie.Pending.Read(context.Request) is null ? Problems.Unauthenticated() : Problems.StepExpired();
    }
}
