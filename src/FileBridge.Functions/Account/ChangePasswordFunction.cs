using FileBridge.Core.Account;
using FileBridge.Core.Audit;
using FileBridge.Core.PendingSteps;
using FileBridge.Core.SignIn;
using FileBridge.Core.Throttling;
using FileBridge.Functions.Auth;
using FileBridge.Functions.Http;
using FileBridge.Functions.Http.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FileBridge.Functions.Account;

/// <summary>
/// <c>POST /api/account/password</c> <c>{"currentPassword","newPassword"}</c>: in a session, 204 and every other
/// session ends; in the <c>change-password</c> step, the next 202 or 200. The current password is checked and
/// counted like a sign-in's (403 <c>invalid_credentials</c>); a weak new one is 400 <c>weak_password</c> with its reason.
/// </summary>
public sealed class ChangePasswordFunction(
    PasswordChange change, PendingStepStore steps, SignInFlow flow, SessionRenewal renewal, SignInAnswers answers, RequestAudit audit)
{
    [Function(nameof(ChangePasswordFunction))]
    [EndpointPolicy(Callers.PasswordChanger, Limiter = LimiterNames.SignInsPerClient)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "account/password")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var (body, error) = await JsonBody.ReadAsync(request, cancellationToken);
        if (body?.String("currentPassword") is not { } current || body.String("newPassword") is not { } proposed
            || !IsTypable(current) || !IsTypable(proposed))
        {
            return Problems.BadRequest(error ?? $"Send {{\"currentPassword\",\"newPassword\"}}, each 1 to {LoginRequestReader.MaxPasswordLength} characters.");
        }

        var caller = request.Caller();
        var step = caller is null ? request.Step() : null;
        var userId = caller?.Id ?? step!.UserId;
        var context = request.HttpContext;
        var (accepted, refusal) = await change.CheckAsync(userId, HostCookie.Device.Read(request), current, proposed, cancellationToken);
        if (refusal is not null)
        {
            return Refused(context, userId, refusal);
        }

        if (step is not null)
        {
            // Finished before the write: of two requests of one step only one changes the password.
            if (await steps.FinishAsync(HostCookie.Pending.Read(request), cancellationToken) is not { } finished)
            {
                return SignInAnswers.StepExpired(context);
            }

            if (await change.WriteAsync(accepted!.User, proposed, cancellationToken) is not PasswordChangeResult.Changed changedInStep)
            {
                return Refused(context, userId, new PasswordChangeResult.WrongCurrent());
            }

            audit.Post(context, AuditActions.PasswordChanged, userId, null, StatusCodes.Status200OK);
            var completion = new StepCompletion(finished with { SecurityStamp = changedInStep.SecurityStamp }, finished.Amr);
            return answers.Answer(context, await flow.AfterStepAsync(completion, cancellationToken), AuditActions.SignIn);
        }

        var written = await change.WriteAsync(accepted!.User, proposed, cancellationToken);
        if (written is not PasswordChangeResult.Changed)
        {
            return Refused(context, userId, written);
        }

        // The new stamp ended every session of the person; this browser keeps going with a new one.
        if (await renewal.RenewAsync(caller!, SessionCookie.Read(request), cancellationToken) is { } renewed)
        {
            SessionCookie.Issue(context.Response, renewed.Token, renewed.User.ExpiresAt);
        }

        audit.Post(context, AuditActions.PasswordChanged, userId, null, StatusCodes.Status204NoContent);
        return new NoContentResult();
    }

    private static bool IsTypable(string password) =>
        password.Length is > 0 and <= LoginRequestReader.MaxPasswordLength && !password.Any(char.IsControl);

    private ObjectResult Refused(HttpContext context, string userId, PasswordChangeResult refusal)
    {
        var problem = refusal switch
        {
            PasswordChangeResult.Weak weak => Problems.Create(StatusCodes.Status400BadRequest, ErrorCodes.WeakPassword, "Choose another password.",
                weak.Verdict.Message, new Dictionary<string, object?> { ["reason"] = weak.Verdict.Reason }),
            PasswordChangeResult.Refused { Busy: true } busy => Problems.Busy(context.Response, busy.RetryAfter),
            PasswordChangeResult.Refused { Throttled: true } throttled => Problems.RateLimited(context.Response, throttled.RetryAfter),
            PasswordChangeResult.Refused locked => Problems.TooManyAttempts(context.Response, locked.RetryAfter),
            _ => Problems.InvalidCredentials(StatusCodes.Status403Forbidden),
        };
        audit.Post(context, AuditActions.PasswordChanged, userId, null, problem);
        return problem;
    }
}
