using FileBridge.Core.Audit;
using FileBridge.Core.Sessions;
using FileBridge.Functions.Http;
using FileBridge.Functions.Http.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FileBridge.Functions.Account;

/// <summary>
/// <c>DELETE /api/account/sessions/{id}</c>: ends one of the caller's sessions; their current one signs them out.
/// Another person's session, or none, is 404 <c>not_found</c> alike.
/// </summary>
public sealed class EndSessionFunction(ILogger<EndSessionFunction> logger, SessionService sessions, RequestAudit audit)
{
    [Function(nameof(EndSessionFunction))]
    [EndpointPolicy(Callers.RecentlyAuthenticated, Audit = AuditActions.SessionEnded)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "account/sessions/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        var user = request.SignedInUser();
        var context = request.HttpContext;
        var result = await sessions.EndOneAsync(user.Id, id, SessionCookie.Read(request), cancellationToken);
        if (result == EndSessionResult.NotFound)
        {
            // The typed id is no session of theirs: it is not written anywhere.
            return audit.Refused(context, Problems.Create(StatusCodes.Status404NotFound, ErrorCodes.NotFound,
                "No such session.", "None of your sessions has this id; it may have ended already."));
        }

        if (result == EndSessionResult.EndedCurrent)
        {
            SessionCookie.Clear(context.Response);
        }

        logger.LogInformation("A session of {UserId} ended by its owner", user.Id);
        audit.Post(context, AuditActions.SessionEnded, user.Id, id, StatusCodes.Status204NoContent);
        return new NoContentResult();
    }
}
