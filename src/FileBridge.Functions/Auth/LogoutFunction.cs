using FileBridge.Core.Audit;
using FileBridge.Core.Sessions;
using FileBridge.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FileBridge.Functions.Auth;

public sealed class LogoutFunction(
    ILogger<LogoutFunction> logger, SessionService sessions, OriginPolicy origins, RequestAuthenticator authenticator, RequestAudit audit)
{
    [Function(nameof(LogoutFunction))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/logout")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (!origins.Allows(request))
        {
            return Problems.ForbiddenOrigin();
        }

        // Read before the session ends (the pipeline has usually read it already), so the row names who left.
        var user = await authenticator.AuthenticateAsync(request, cancellationToken);
        await sessions.EndAsync(SessionCookie.Read(request), cancellationToken);
        SessionCookie.Clear(request.HttpContext.Response);
        logger.LogInformation("Session ended");
        audit.Post(request.HttpContext, AuditActions.SignOut, user?.Id, null, StatusCodes.Status204NoContent);
        return new NoContentResult();
    }
}
