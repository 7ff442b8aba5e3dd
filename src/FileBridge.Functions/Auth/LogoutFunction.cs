using FileBridge.Core.Audit;
using FileBridge.Core.PendingSteps;
using FileBridge.Core.Sessions;
using FileBridge.Functions.Http;
using FileBridge.Functions.Http.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FileBridge.Functions.Auth;

/// <summary><c>POST /api/auth/logout</c>: ends the session and any pending sign-in step of this browser; idempotent.</summary>
public sealed class LogoutFunction(ILogger<LogoutFunction> logger, SessionService sessions, PendingStepStore steps, RequestAudit audit)
{
    [Function(nameof(LogoutFunction))]
    [EndpointPolicy(Callers.AnyoneOrStep)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/logout")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        // Identified by the pipeline before the session ends, so the row names who left.
        var userId = request.Caller()?.Id ?? request.Step()?.UserId;
        await sessions.EndAsync(SessionCookie.Read(request), cancellationToken);
        SessionCookie.Clear(request.HttpContext.Response);
        if (HostCookie.Pending.Read(request) is { } pending)
        {
            await steps.DeleteAsync(pending, cancellationToken);
            HostCookie.Pending.Clear(request.HttpContext.Response);
        }

        logger.LogInformation("Session ended");
        audit.Post(request.HttpContext, AuditActions.SignOut, userId, null, StatusCodes.Status204NoContent);
        return new NoContentResult();
    }
}
