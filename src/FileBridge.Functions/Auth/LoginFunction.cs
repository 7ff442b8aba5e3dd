using FileBridge.Core.Audit;
using FileBridge.Core.Login;
using FileBridge.Core.SignIn;
using FileBridge.Core.Throttling;
using FileBridge.Functions.Http;
using FileBridge.Functions.Http.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FileBridge.Functions.Auth;

public sealed class LoginFunction(ILogger<LoginFunction> logger, LoginService login, SignInFlow flow, SignInAnswers answers, RequestAudit audit)
{
    [Function(nameof(LoginFunction))]
    [EndpointPolicy(Callers.Anonymous, Limiter = LimiterNames.SignInsPerClient)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/login")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var (credentials, error) = await LoginRequestReader.ReadAsync(request, cancellationToken);
        if (credentials is null)
        {
            return Problems.BadRequest(error!);
        }

        var context = request.HttpContext;
        var outcome = await login.CheckPasswordAsync(credentials.Username, credentials.Password, HostCookie.Device.Read(request), cancellationToken);
        // Sign-ins do not wait for their row: a slow audit table must not lock people out (README, Audit trail).
        // A name that is no account is never stored: it may be a password typed into the wrong field.
        switch (outcome)
        {
            case LoginOutcome.PasswordAccepted accepted:
                var result = await flow.AfterPasswordAsync(accepted, null, cancellationToken);
                logger.LogInformation("Password of {UserId} accepted: {Result}", accepted.User.Id, result.GetType().Name);
                return answers.Answer(context, result, AuditActions.SignIn);
            case LoginOutcome.Throttled throttled:
                audit.PostThrottled(context, null, LimiterNames.SignInsPerName, StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited);
                return Problems.RateLimited(context.Response, throttled.RetryAfter);
            case LoginOutcome.Busy busy:
                audit.PostThrottled(context, null, LimiterNames.PasswordChecks, StatusCodes.Status503ServiceUnavailable, ErrorCodes.Busy);
                return Problems.Busy(context.Response, busy.RetryAfter);
            case LoginOutcome.LockedOut lockedOut:
                audit.Post(context, AuditActions.SignInRefused, lockedOut.AccountId, null, StatusCodes.Status429TooManyRequests, ErrorCodes.TooManyAttempts);
                return Problems.TooManyAttempts(context.Response, lockedOut.RetryAfter);
            default:
                var refused = (LoginOutcome.InvalidCredentials)outcome;
                audit.Post(context, refused.LockedNow ? AuditActions.LockedOut : AuditActions.SignInRefused, refused.AccountId, null,
                    StatusCodes.Status401Unauthorized, ErrorCodes.InvalidCredentials);
                return Problems.InvalidCredentials(StatusCodes.Status401Unauthorized);
        }
    }
}
