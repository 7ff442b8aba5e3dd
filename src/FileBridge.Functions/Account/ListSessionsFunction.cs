using FileBridge.Core.Sessions;
using FileBridge.Functions.Http;
using FileBridge.Functions.Http.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FileBridge.Functions.Account;

/// <summary><c>GET /api/account/sessions</c>: the caller's live sessions, the one they came with marked <c>current</c>.</summary>
public sealed class ListSessionsFunction(SessionService sessions)
{
    [Function(nameof(ListSessionsFunction))]
    [EndpointPolicy(Callers.SignedIn)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "account/sessions")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var user = request.SignedInUser();
        var list = await sessions.ListAsync(user.Id, SessionCookie.Read(request), cancellationToken);
        return new OkObjectResult(list);
    }
}
