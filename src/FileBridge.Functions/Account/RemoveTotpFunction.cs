using FileBridge.Core.SecondFactor;
using FileBridge.Functions.Http;
using FileBridge.Functions.Http.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FileBridge.Functions.Account;

/// <summary><c>DELETE /api/account/totp</c>: 204; 404 without one; 409 <c>last_factor</c> under <c>Required</c>.</summary>
public sealed class RemoveTotpFunction(TotpFactor totp, FactorChangeAnswers factorChanges)
{
    [Function(nameof(RemoveTotpFunction))]
    [EndpointPolicy(Callers.RecentlyAuthenticated)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "account/totp")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var caller = request.SignedInUser();
        return await totp.RemoveAsync(caller.Id, cancellationToken) switch
        {
            FactorRemoval.Removed => await factorChanges.RemovedAsync(request, caller, cancellationToken),
            FactorRemoval.LastFactor => FactorProblems.LastFactor(),
            _ => FactorProblems.NotFound("There is no authenticator app to remove."),
        };
    }
}
