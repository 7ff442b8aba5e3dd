using FileBridge.Core.Audit;
using FileBridge.Core.Sessions;
using FileBridge.Functions.Http;
using FileBridge.Functions.Http.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FileBridge.Functions.Account;

/// <summary><c>POST /api/account/sessions/end-others</c>: every session of the caller but the one they came with ends.</summary>
public sealed class EndOtherSessionsFunction(ILogger<EndOtherSessionsFunction> logger, SessionService sessions, RequestAudit audit)
{
    /// <summary>The audit row's target: which sessions ended.</summary>
    public const string AuditTarget = "others";

    [Function(nameof(EndOtherSessionsFunction))]
    [EndpointPolicy(Callers.RecentlyAuthenticated, Audit = AuditActions.SessionEnded)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "account/sessions/end-others")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var user = request.SignedInUser();
        var ended = await sessions.EndOthersAsync(user.Id, SessionCookie.Read(request), cancellationToken);
        logger.LogInformation("{Count} other sessions of {UserId} ended by their owner", ended, user.Id);
        audit.Post(request.HttpContext, AuditActions.SessionEnded, user.Id, AuditTarget, StatusCodes.Status204NoContent);
        return new NoContentResult();
    }
}
