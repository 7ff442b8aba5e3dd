using FileBridge.Core.Audit;
using FileBridge.Core.Sessions;
using FileBridge.Functions.Http;
using FileBridge.Functions.Http.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FileBridge.Functions.Auth;

public sealed class LogoutFunction(ILogger<LogoutFunction> logger, SessionService sessions, RequestAudit audit)
{
    [Function(nameof(LogoutFunction))]
    [EndpointPolicy(Callers.Anyone)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/logout")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        // Identified by the pipeline before the session ends, so the row names who left.
        var user = request.Caller();
        await sessions.EndAsync(SessionCookie.Read(request), cancellationToken);
        SessionCookie.Clear(request.HttpContext.Response);
        logger.LogInformation("Session ended");
        audit.Post(request.HttpContext, AuditActions.SignOut, user?.Id, null, StatusCodes.Status204NoContent);
        return new NoContentResult();
    }
}
