using FileBridge.Core.Passkeys;
using FileBridge.Core.SecondFactor;
using FileBridge.Core.Users;
using FileBridge.Functions.Http;
using FileBridge.Functions.Http.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace FileBridge.Functions.Account;

/// <summary><c>POST /api/account/passkeys/options</c> <c>{}</c>: WebAuthn creation options for a new passkey of the person.</summary>
public sealed class PasskeyRegistrationOptionsFunction(PasskeyRegistration registration, IUserStore users, IOptions<SecondFactorOptions> options)
{
    [Function(nameof(PasskeyRegistrationOptionsFunction))]
    [EndpointPolicy(Callers.Enroller)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "account/passkeys/options")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (options.Value.SecondFactor == SecondFactorPolicy.Off)
        {
            return EnrolmentHidden.NotFound();
        }

        var (body, error) = await JsonBody.ReadAsync(request, cancellationToken);
        if (body is null)
        {
            return Problems.BadRequest(error!);
        }

        var userId = AccountCaller.UserId(request);
        var displayName = request.Caller()?.DisplayName ?? (await users.FindAsync(userId, cancellationToken))?.DisplayName ?? userId;
        return await registration.BeginAsync(userId, displayName, cancellationToken) is { } ceremony
            ? PasskeyCeremony.SendOptions(request.HttpContext.Response, ceremony)
            : Problems.Unauthenticated();
    }
}
