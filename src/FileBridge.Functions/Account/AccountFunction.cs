using FileBridge.Core.SecondFactor;
using FileBridge.Core.Users;
using FileBridge.Functions.Http;
using FileBridge.Functions.Http.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace FileBridge.Functions.Account;

/// <summary><c>GET /api/account</c>: the person's factors, the policy, and when a temporary password stops working.</summary>
public sealed class AccountFunction(FactorSummaryReader factors, IUserStore users, IOptions<SecondFactorOptions> options)
{
    [Function(nameof(AccountFunction))]
    [EndpointPolicy(Callers.SignedIn)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "account")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var caller = request.SignedInUser();
        var summary = await factors.ReadAsync(caller.Id, cancellationToken);
        var account = await users.FindAsync(caller.Id, cancellationToken);
        return new OkObjectResult(new AccountResponse(
            new SessionUserResponse.UserSummary(caller.Id, caller.DisplayName),
            options.Value.SecondFactor.ToString(),
            new AccountResponse.FactorCounts(summary.Totp, summary.Passkeys, summary.RecoveryCodesLeft),
            account?.TemporaryPasswordExpiresAt));
    }
}
