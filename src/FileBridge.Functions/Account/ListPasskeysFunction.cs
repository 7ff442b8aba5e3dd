using FileBridge.Core.Passkeys;
using FileBridge.Functions.Http.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FileBridge.Functions.Account;

/// <summary><c>GET /api/account/passkeys</c>: <c>[{"id","name","createdAt","lastUsedAt"}]</c>.</summary>
public sealed class ListPasskeysFunction(PasskeyManagement passkeys)
{
    [Function(nameof(ListPasskeysFunction))]
    [EndpointPolicy(Callers.SignedIn)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "account/passkeys")] HttpRequest request,
        CancellationToken cancellationToken) =>
        new OkObjectResult(await passkeys.ListAsync(request.SignedInUser().Id, cancellationToken));
}
