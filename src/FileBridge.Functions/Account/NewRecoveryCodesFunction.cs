using FileBridge.Core.Audit;
using FileBridge.Core.SecondFactor;
using FileBridge.Functions.Http;
using FileBridge.Functions.Http.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FileBridge.Functions.Account;

/// <summary><c>POST /api/account/recovery-codes</c>: <c>{"recoveryCodes":[10]}</c>, shown once; the old set dies. 404 without a factor.</summary>
public sealed class NewRecoveryCodesFunction(RecoveryCodeService recoveryCodes, RequestAudit audit)
{
    [Function(nameof(NewRecoveryCodesFunction))]
    [EndpointPolicy(Callers.RecentlyAuthenticated)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "account/recovery-codes")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var caller = request.SignedInUser();
        if (await recoveryCodes.ReplaceAsync(caller.Id, cancellationToken) is not { } codes)
        {
            return FactorProblems.NotFound("Recovery codes stand in for a second factor: add an authenticator app or a passkey first.");
        }

        audit.Post(request.HttpContext, AuditActions.FactorAdded, caller.Id, "recovery-codes", StatusCodes.Status200OK);
        return new OkObjectResult(new { recoveryCodes = codes });
    }
}
