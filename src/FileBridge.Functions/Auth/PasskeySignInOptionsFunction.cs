using FileBridge.Core.Passkeys;
using FileBridge.Core.PendingSteps;
using FileBridge.Core.Throttling;
using FileBridge.Functions.Http;
using FileBridge.Functions.Http.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FileBridge.Functions.Auth;

/// <summary>
/// <c>POST /api/auth/passkey/options</c> <c>{}</c> or <c>{"reauth":true}</c>: WebAuthn request options. Never takes a
/// name: without a step or session any discoverable passkey may answer; with one, only that person's passkeys.
/// </summary>
public sealed class PasskeySignInOptionsFunction(PasskeyAssertion assertion)
{
    [Function(nameof(PasskeySignInOptionsFunction))]
    [EndpointPolicy(Callers.AnyoneOrStep, Limiter = LimiterNames.SignInsPerClient)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/passkey/options")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var (body, error) = await JsonBody.ReadAsync(request, cancellationToken);
        if (body is null)
        {
            return Problems.BadRequest(error!);
        }

        var session = request.Caller();
        if (body.Flag("reauth") && session is null)
        {
            return Problems.Unauthenticated();
        }

        var userId = request.Step() is { Step: PendingStepKind.SecondFactor } step && !body.Flag("reauth") ? step.UserId : session?.Id;
        return PasskeyCeremony.SendOptions(request.HttpContext.Response, await assertion.BeginAsync(userId, cancellationToken));
    }
}
