using FileBridge.Core.Audit;
using FileBridge.Core.SignIn;
using FileBridge.Core.Throttling;
using FileBridge.Functions.Http;
using FileBridge.Functions.Http.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FileBridge.Functions.Auth;

/// <summary>
/// <c>POST /api/auth/reauth</c> <c>{"password","method","code"}</c> (<c>{"password"}</c> for a person without a
/// factor): 204 and a new session cookie that counts as recently authenticated. A failure is 403
/// <c>invalid_credentials</c> (401 means "no valid session") and counts toward the lockout.
/// </summary>
public sealed class ReauthFunction(Reauthentication reauthentication, RequestAudit audit)
{
    [Function(nameof(ReauthFunction))]
    [EndpointPolicy(Callers.SignedIn, Limiter = LimiterNames.SignInsPerClient)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/reauth")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var (body, error) = await JsonBody.ReadAsync(request, cancellationToken);
        var method = body?.String("method");
        if (body?.String("password") is not { Length: > 0 and <= LoginRequestReader.MaxPasswordLength } password
            || (method is not null && !SecondFactorMethods.IsCode(method)))
        {
            return Problems.BadRequest(error ?? "Send {\"password\"}, with \"method\" and \"code\" when you have a second factor.");
        }

        var caller = request.SignedInUser();
        var context = request.HttpContext;
        var result = await reauthentication.WithPasswordAsync(
            caller, SessionCookie.Read(request), HostCookie.Device.Read(request), password, method, body.String("code"), cancellationToken);
        if (result.Session is { } session)
        {
            SessionCookie.Issue(context.Response, session.Token, session.User.ExpiresAt);
            audit.Post(context, AuditActions.Reauth, caller.Id, null, StatusCodes.Status204NoContent);
            return new NoContentResult();
        }

        if (result.RetryAfter is { } retryAfter)
        {
            var problem = result.Busy ? Problems.Busy(context.Response, retryAfter) : Problems.TooManyAttempts(context.Response, retryAfter);
            audit.Post(context, AuditActions.Reauth, caller.Id, null, problem);
            return problem;
        }

        var refused = Problems.InvalidCredentials(StatusCodes.Status403Forbidden);
        audit.Post(context, AuditActions.Reauth, caller.Id, null, refused);
        return refused;
    }
}
