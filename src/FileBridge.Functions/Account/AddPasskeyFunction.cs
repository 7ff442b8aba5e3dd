using System.Text.Json;
using System.Text.Json.Serialization;
using FileBridge.Core.Passkeys;
using FileBridge.Core.Sessions;
using FileBridge.Functions.Http;
using FileBridge.Functions.Http.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FileBridge.Functions.Account;

/// <summary>
/// <c>POST /api/account/passkeys</c> <c>{"credential","name"}</c>: verifies the browser's new credential against
/// this browser's challenge and keeps it under its name. 201 <c>{"id","name","createdAt","lastUsedAt"}</c> in a
/// session (with <c>"recoveryCodes"</c> when this is the first factor), the step's answer in <c>enroll</c>.
/// </summary>
public sealed class AddPasskeyFunction(PasskeyRegistration registration, FactorChangeAnswers factorChanges)
{
    [Function(nameof(AddPasskeyFunction))]
    [EndpointPolicy(Callers.Enroller)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "account/passkeys")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var (body, error) = await JsonBody.ReadAsync(request, cancellationToken);
        if (body?.Member("credential") is not { ValueKind: JsonValueKind.Object } credential)
        {
            return Problems.BadRequest(error ?? "Send {\"credential\",\"name\"}: the browser's PublicKeyCredential.toJSON() and a name.");
        }

        var userId = AccountCaller.UserId(request);
        var result = await registration.CompleteAsync(
            PasskeyCeremony.TakeBinding(request), userId, credential, body.String("name"), PasskeyCeremony.AppOrigin(request), cancellationToken);
        if (result.Passkey is not { } passkey)
        {
            return FactorProblems.PasskeyRefused();
        }

        var created = new ObjectResult(new AddedPasskeyResponse(passkey.Id, passkey.Name, passkey.CreatedAt, passkey.LastUsedAt, result.RecoveryCodes))
        {
            StatusCode = StatusCodes.Status201Created,
        };
        return await factorChanges.AddedAsync(request, userId, SessionAmr.PasswordAndPasskey, result.RecoveryCodes, created, cancellationToken);
    }

    /// <summary>The new passkey as the list shows it, and the recovery codes when they were just made.</summary>
    public sealed record AddedPasskeyResponse(
        string Id,
        string Name,
        DateTimeOffset CreatedAt,
        DateTimeOffset? LastUsedAt,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? RecoveryCodes);
}
