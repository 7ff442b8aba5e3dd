using FileBridge.Core.Account;
using FileBridge.Core.Audit;
using FileBridge.Core.PendingSteps;
using FileBridge.Core.Sessions;
using FileBridge.Core.SignIn;
using FileBridge.Functions.Auth;
using FileBridge.Functions.Http;
using FileBridge.Functions.Http.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace FileBridge.Functions.Account;

/// <summary>
/// What follows a factor added or removed, the same for TOTP and passkeys. In a session: the security stamp is
/// replaced (every other session ends) and this browser gets a new session. In the <c>enroll</c> step: the step is
/// finished and the sign-in goes on (200 with the recovery codes when they were just made).
/// </summary>
public sealed class FactorChangeAnswers(SessionRenewal renewal, PendingStepStore steps, SignInFlow flow, SignInAnswers answers, RequestAudit audit)
{
    /// <summary>A factor was added by the request's session or enroll step; <paramref name="sessionAnswer"/> is what a session gets.</summary>
    public async Task<IActionResult> AddedAsync(
        HttpRequest request, string userId, string amr, IReadOnlyList<string>? recoveryCodes, IActionResult sessionAnswer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = request.HttpContext;
        audit.Post(context, AuditActions.FactorAdded, userId, null, StatusCodes.Status200OK);
        if (request.Caller() is { } caller)
        {
            await RenewAsync(request, caller, cancellationToken);
            return sessionAnswer;
        }

        if (await steps.FinishAsync(HostCookie.Pending.Read(request), cancellationToken) is not { } finished)
        {
            return SignInAnswers.StepExpired(context);
        }

        return answers.Answer(context, await flow.AfterStepAsync(new StepCompletion(finished, amr, 0, recoveryCodes), cancellationToken), AuditActions.SignIn);
    }

    /// <summary>A factor was removed by the request's session: 204.</summary>
    public async Task<IActionResult> RemovedAsync(HttpRequest request, AuthenticatedUser caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        audit.Post(request.HttpContext, AuditActions.FactorRemoved, caller.Id, null, StatusCodes.Status204NoContent);
        await RenewAsync(request, caller, cancellationToken);
        return new NoContentResult();
    }

    private async Task RenewAsync(HttpRequest request, AuthenticatedUser caller, CancellationToken cancellationToken)
    {
        if (await renewal.ReplaceStampAsync(caller, SessionCookie.Read(request), cancellationToken) is { } renewed)
        {
            SessionCookie.Issue(request.HttpContext.Response, renewed.Token, renewed.User.ExpiresAt);
        }
    }
}
