using FileBridge.Core.SecondFactor;
using FileBridge.Functions.Http;
using FileBridge.Functions.Http.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace FileBridge.Functions.Account;

/// <summary>
/// <c>POST /api/account/totp</c>: a new authenticator secret, <c>{"secret","otpauthUri"}</c>; a working one stays
/// until the new one is confirmed. Not offered under <c>Off</c>.
/// </summary>
public sealed class StartTotpFunction(TotpFactor totp, IOptions<SecondFactorOptions> options)
{
    [Function(nameof(StartTotpFunction))]
    [EndpointPolicy(Callers.Enroller)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "account/totp")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (options.Value.SecondFactor == SecondFactorPolicy.Off)
        {
            return EnrolmentHidden.NotFound();
        }

        var userId = AccountCaller.UserId(request);
        return await totp.StartAsync(userId, userId, cancellationToken) is { } setup
            ? new OkObjectResult(new { secret = setup.Secret, otpauthUri = setup.OtpauthUri })
            : Problems.Unauthenticated();
    }
}
