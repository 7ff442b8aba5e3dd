using FileBridge.Core.Audit;
using FileBridge.Core.SignIn;
using FileBridge.Core.Throttling;
using FileBridge.Functions.Http;
using FileBridge.Functions.Http.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FileBridge.Functions.Auth;

/// <summary><c>POST /api/auth/second-factor</c> <c>{"method":"totp"|"recovery","code"}</c>: the code of a <c>second-factor</c> step.</summary>
public sealed class SecondFactorFunction(StepCodes codes, SignInAnswers answers, RequestAudit audit)
{
    [Function(nameof(SecondFactorFunction))]
    [EndpointPolicy(Callers.SecondFactorStep, Limiter = LimiterNames.SignInsPerClient)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/second-factor")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var (body, error) = await JsonBody.ReadAsync(request, cancellationToken);
        var method = body?.String("method");
        if (body is null || !SecondFactorMethods.IsCode(method) || body.String("code") is not { Length: > 0 and <= 64 } code)
        {
            return Problems.BadRequest(error ?? "Send {\"method\":\"totp\"|\"recovery\",\"code\"}.");
        }

        var step = request.Step()!;
        var context = request.HttpContext;
        var result = await codes.SubmitAsync(HostCookie.Pending.Read(request), step, method!, code, cancellationToken);
        switch (result.Check)
        {
            case null:
                audit.Post(context, AuditActions.SecondFactorRefused, step.UserId, null, StatusCodes.Status401Unauthorized, ErrorCodes.StepExpired);
                return SignInAnswers.StepExpired(context);
            case CheckOutcome.Locked locked:
                audit.Post(context, AuditActions.SecondFactorRefused, step.UserId, null, StatusCodes.Status429TooManyRequests, ErrorCodes.TooManyAttempts);
                return Problems.TooManyAttempts(context.Response, locked.RetryAfter);
            case CheckOutcome.Refused refused:
                audit.Post(context, refused.LockedNow ? AuditActions.LockedOut : AuditActions.SecondFactorRefused, step.UserId, null,
                    StatusCodes.Status401Unauthorized, ErrorCodes.InvalidCode);
                return Problems.InvalidCode(StatusCodes.Status401Unauthorized);
        }

        if (method == SecondFactorMethods.Recovery)
        {
            audit.Post(context, AuditActions.RecoveryCodeUsed, step.UserId, null, StatusCodes.Status200OK);
        }

        return answers.Answer(context, result.Next!, AuditActions.SecondFactor);
    }
}
