using FileBridge.Core.SecondFactor;
using FileBridge.Core.Sessions;
using FileBridge.Functions.Http;
using FileBridge.Functions.Http.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FileBridge.Functions.Account;

/// <summary>
/// <c>POST /api/account/totp/confirm</c> <c>{"code"}</c>: a first code of the new secret makes it the working one.
/// 200 (with <c>"recoveryCodes"</c> when they are new) in a session, the step's answer in <c>enroll</c>; a wrong
/// code 400 <c>invalid_code</c>.
/// </summary>
public sealed class ConfirmTotpFunction(TotpFactor totp, FactorChangeAnswers factorChanges)
{
    [Function(nameof(ConfirmTotpFunction))]
    [EndpointPolicy(Callers.Enroller)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "account/totp/confirm")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var (body, error) = await JsonBody.ReadAsync(request, cancellationToken);
        if (body?.String("code") is not { Length: > 0 and <= 64 } code)
        {
            return Problems.BadRequest(error ?? "Send {\"code\"}: the code the authenticator shows.");
        }

        var userId = AccountCaller.UserId(request);
        var confirmation = await totp.ConfirmAsync(userId, code, cancellationToken);
        if (!confirmation.Confirmed)
        {
            return Problems.InvalidCode(StatusCodes.Status400BadRequest);
        }

        var sessionAnswer = new OkObjectResult(confirmation.RecoveryCodes is { } codes ? new { recoveryCodes = codes } : new object());
        return await factorChanges.AddedAsync(request, userId, SessionAmr.PasswordAndCode, confirmation.RecoveryCodes, sessionAnswer, cancellationToken);
    }
}
