using FileBridge.Core.Sessions;
using FileBridge.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FileBridge.Functions.Auth;

public sealed class LogoutFunction(ILogger<LogoutFunction> logger, SessionService sessions, OriginPolicy origins)
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

        await sessions.EndAsync(SessionCookie.Read(request), cancellationToken);
        SessionCookie.Clear(request.HttpContext.Response);
        logger.LogInformation("Session ended");
        return new NoContentResult();
    }
}
