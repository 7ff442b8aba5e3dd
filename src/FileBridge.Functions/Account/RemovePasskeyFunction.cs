using FileBridge.Core.Passkeys;
using FileBridge.Core.SecondFactor;
using FileBridge.Functions.Http.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FileBridge.Functions.Account;

/// <summary><c>DELETE /api/account/passkeys/{id}</c>: 204; 404 when it is not the person's; 409 <c>last_factor</c> under <c>Required</c>.</summary>
public sealed class RemovePasskeyFunction(PasskeyManagement passkeys, FactorChangeAnswers factorChanges)
{
    [Function(nameof(RemovePasskeyFunction))]
    [EndpointPolicy(Callers.RecentlyAuthenticated)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "account/passkeys/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        var caller = request.SignedInUser();
        if (string.IsNullOrEmpty(id) || id.Length > 1024)
        {
            return FactorProblems.NotFound("There is no such passkey.");
        }

        return await passkeys.RemoveAsync(caller.Id, id, cancellationToken) switch
        {
            FactorRemoval.Removed => await factorChanges.RemovedAsync(request, caller, cancellationToken),
            FactorRemoval.LastFactor => FactorProblems.LastFactor(),
            _ => FactorProblems.NotFound("There is no such passkey."),
        };
    }
}
