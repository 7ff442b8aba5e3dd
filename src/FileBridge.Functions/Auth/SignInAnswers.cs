using FileBridge.Core.Audit;
using FileBridge.Core.PendingSteps;
using FileBridge.Core.SignIn;
using FileBridge.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace FileBridge.Functions.Auth;

/// <summary>
/// Turns where a sign-in stands (<see cref="SignInProgress"/>) into the contract's answer, the same for every route
/// that moves a sign-in along: 200 with <c>__Host-fb_session</c> (and <c>__Host-fb_device</c>), or 202 with
/// <c>__Host-fb_pending</c>, or a refusal; a finished or dead step's cookie is cleared. Each answer writes its audit
/// row under <paramref name="action"/>; a 202 also writes <c>sign-in</c> with outcome <c>202 &lt;next&gt;</c>.
/// </summary>
public sealed class SignInAnswers(RequestAudit audit)
{
    public IActionResult Answer(HttpContext context, SignInProgress result, string action, int signedInStatus = StatusCodes.Status200OK)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(result);
        var response = context.Response;
        switch (result)
        {
            case SignInProgress.SignedIn signedIn:
                var session = signedIn.Outcome.Session;
                SessionCookie.Issue(response, session.Token, session.User.ExpiresAt);
                if (signedIn.Outcome.DeviceCookie is { } device && signedIn.Outcome.DeviceCookieExpiresAt is { } deviceExpiresAt)
                {
                    HostCookie.Device.Issue(response, device, deviceExpiresAt);
                }

                ClearPending(context);
                audit.Post(context, action, session.User.Id, null, signedInStatus);
                return new ObjectResult(SignedInResponse.From(session.User, signedIn.RecoveryCodes)) { StatusCode = signedInStatus };
            case SignInProgress.Pending pending:
                var next = PendingStepNames.Of(pending.Step);
                HostCookie.Pending.Issue(response, pending.Ticket.CookieValue, pending.Ticket.ExpiresAt);
                if (action != AuditActions.SignIn)
                {
                    audit.Post(context, action, pending.UserId, null, StatusCodes.Status202Accepted, next);
                }

                audit.Post(context, AuditActions.SignIn, pending.UserId, null, StatusCodes.Status202Accepted, next);
                return new ObjectResult(new PendingStepResponse(next, pending.Methods, pending.Ticket.ExpiresAt)) { StatusCode = StatusCodes.Status202Accepted };
            case SignInProgress.NeedsOperator needsOperator:
                ClearPending(context);
                var refused = Problems.Create(StatusCodes.Status403Forbidden, ErrorCodes.EnrollmentNeedsOperator, "Ask an operator to finish setting up your account.",
                    "A second factor is required and cannot be set up with a password alone from this browser.");
                audit.Post(context, AuditActions.SignInRefused, needsOperator.UserId, null, refused);
                return refused;
            default:
                return StepExpired(context);
        }
    }

    /// <summary>401 <c>step_expired</c>; the dead step's cookie is cleared.</summary>
    public static ObjectResult StepExpired(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ClearPending(context);
        return Problems.StepExpired();
    }

    private static void ClearPending(HttpContext context)
    {
        if (HostCookie.Pending.Read(context.Request) is not null)
        {
            HostCookie.Pending.Clear(context.Response);
        }
    }
}
