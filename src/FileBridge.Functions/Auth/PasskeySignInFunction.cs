using FileBridge.Core.Audit;
using FileBridge.Core.Login;
using FileBridge.Core.Passkeys;
using FileBridge.Core.PendingSteps;
using FileBridge.Core.Sessions;
using FileBridge.Core.SignIn;
using FileBridge.Core.Throttling;
using FileBridge.Core.Users;
using FileBridge.Functions.Http;
using FileBridge.Functions.Http.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FileBridge.Functions.Auth;

/// <summary>
/// <c>POST /api/auth/passkey</c> <c>{"credential"}</c>: a passkey with user verification signs in alone (both
/// factors), finishes a <c>second-factor</c> step, or with <c>"reauth":true</c> re-authenticates a session. Not
/// subject to the password lockout: the route's rate limit still is.
/// </summary>
public sealed class PasskeySignInFunction(
    PasskeyAssertion assertion,
    PendingStepStore steps,
    SignInFlow flow,
    Reauthentication reauthentication,
    LoginService login,
    IUserStore users,
    SignInAnswers answers,
    RequestAudit audit)
{
    [Function(nameof(PasskeySignInFunction))]
    [EndpointPolicy(Callers.AnyoneOrStep, Limiter = LimiterNames.SignInsPerClient)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/passkey")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var (body, error) = await JsonBody.ReadAsync(request, cancellationToken);
        if (body?.Member("credential") is not { ValueKind: System.Text.Json.JsonValueKind.Object } credential)
        {
            return Problems.BadRequest(error ?? "Send {\"credential\"}: the browser's PublicKeyCredential.toJSON().");
        }

        var context = request.HttpContext;
        var reauth = body.Flag("reauth");
        var session = request.Caller();
        var step = reauth ? null : request.Step() is { Step: PendingStepKind.SecondFactor } pending ? pending : null;
        if (reauth && session is null)
        {
            return Problems.Unauthenticated();
        }

        var expectedUserId = step?.UserId ?? session?.Id;
        var verified = await assertion.CompleteAsync(
            PasskeyCeremony.TakeBinding(request), credential, expectedUserId, PasskeyCeremony.AppOrigin(request), cancellationToken);
        if (!verified.Succeeded)
        {
            var refused = Problems.InvalidCredentials(reauth ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized);
            audit.Post(context, reauth ? AuditActions.Reauth : step is null ? AuditActions.SignInRefused : AuditActions.SecondFactorRefused,
                expectedUserId, null, refused);
            return refused;
        }

        if (reauth)
        {
            return await ReauthenticateAsync(request, session!, cancellationToken);
        }

        if (step is not null)
        {
            if (await steps.FinishAsync(HostCookie.Pending.Read(request), cancellationToken) is not { } finished)
            {
                return SignInAnswers.StepExpired(context);
            }

            var completion = new StepCompletion(finished, SessionAmr.PasswordAndPasskey, finished.CodesTried);
            return answers.Answer(context, await flow.AfterStepAsync(completion, cancellationToken), AuditActions.SecondFactor);
        }

        if (await users.FindAsync(verified.UserId!, cancellationToken) is not { Disabled: false } user)
        {
            var refused = Problems.InvalidCredentials(StatusCodes.Status401Unauthorized);
            audit.Post(context, AuditActions.SignInRefused, verified.UserId, null, refused);
            return refused;
        }

        var budget = login.BudgetOf(user, HostCookie.Device.Read(request));
        return answers.Answer(context, await flow.AfterPasskeyAsync(user, budget, null, cancellationToken), AuditActions.PasskeySignIn);
    }

    private async Task<IActionResult> ReauthenticateAsync(HttpRequest request, AuthenticatedUser caller, CancellationToken cancellationToken)
    {
        var result = await reauthentication.WithPasskeyAsync(caller, SessionCookie.Read(request), cancellationToken);
        if (result.Session is not { } session)
        {
            return Problems.InvalidCredentials(StatusCodes.Status403Forbidden);
        }

        SessionCookie.Issue(request.HttpContext.Response, session.Token, session.User.ExpiresAt);
        audit.Post(request.HttpContext, AuditActions.Reauth, caller.Id, null, StatusCodes.Status204NoContent);
        return new NoContentResult();
    }
}
