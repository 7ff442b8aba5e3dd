using System.Text.Json;
using Fido2NetLib;
using Fido2NetLib.Objects;
using FileBridge.Core.SecondFactor;
using Microsoft.AspNetCore.WebUtilities;

namespace FileBridge.Core.Passkeys;

/// <summary>
/// Signing in with a passkey through Fido2. Without a known person the options allow any discoverable
/// credential and the user handle names the account; with one (a pending step or a session) only that
/// person's passkeys count. User verification is required, so a passkey alone is both factors.
/// </summary>
public sealed class PasskeyAssertion(
    Fido2Factory fido2,
    ChallengeStore challenges,
    PasskeyStore passkeys,
    UserFactorStore factors,
    TimeProvider time)
{
    /// <summary>Request options: an empty allowCredentials, or <paramref name="userId"/>'s passkeys when the person is known.</summary>
    public async Task<PasskeyCeremonyOptions> BeginAsync(string? userId, CancellationToken cancellationToken)
    {
        IReadOnlyList<PublicKeyCredentialDescriptor> allowed = [];
        if (userId is not null && await factors.ReadAsync(userId, cancellationToken) is { } row)
        {
            allowed = (await passkeys.ListAsync(row.PasskeyUserHandle, cancellationToken))
                .Select(p => new PublicKeyCredentialDescriptor(WebEncoders.Base64UrlDecode(p.CredentialId)))
                .ToList();
        }

        var options = fido2.Create(appOrigin: null).GetAssertionOptions(new GetAssertionOptionsParams
        {
            AllowedCredentials = allowed,
            UserVerification = UserVerificationRequirement.Required,
        });
        var ticket = await challenges.IssueAsync(ChallengePurpose.Assertion, options.ToJson(), userId, cancellationToken);
        return new PasskeyCeremonyOptions(PasskeyJson.RequestOptions(options), ticket);
    }

    /// <summary>
    /// Verifies the browser's <c>PublicKeyCredential.toJSON()</c>: the challenge the ticket's browser was
    /// given, signature, origin, relying party, user verification and sign count; the credential must be a
    /// current passkey of the account its user handle names, and of <paramref name="expectedUserId"/> when given.
    /// </summary>
    public async Task<PasskeyAssertionResult> CompleteAsync(
        string? binding, JsonElement credential, string? expectedUserId, string? appOrigin, CancellationToken cancellationToken)
    {
        if (PasskeyJson.Assertion(credential) is not { } response
            || await challenges.TakeAsync(binding, ChallengePurpose.Assertion, cancellationToken) is not { } challenge
            || (challenge.UserId is not null && challenge.UserId != expectedUserId))
        {
            return PasskeyAssertionResult.Refused;
        }

        if (response.Response.UserHandle is not { Length: > 0 } userHandleBytes)
        {
            // Discoverable credentials always return the handle; without it the account cannot be named.
            return PasskeyAssertionResult.Refused;
        }

        var handle = WebEncoders.Base64UrlEncode(userHandleBytes);
        var credentialId = WebEncoders.Base64UrlEncode(response.RawId);
        var passkey = await passkeys.FindAsync(handle, credentialId, cancellationToken);
        if (passkey is null || (expectedUserId is not null && passkey.UserId != expectedUserId))
        {
            return PasskeyAssertionResult.Refused;
        }

        // The handle must still be the account's: factors reset since then leave old rows without an owner.
        if (await factors.ReadAsync(passkey.UserId, cancellationToken) is not { } owner || owner.PasskeyUserHandle != handle)
        {
            return PasskeyAssertionResult.Refused;
        }

        VerifyAssertionResult verified;
        try
        {
            verified = await fido2.Create(appOrigin).MakeAssertionAsync(new MakeAssertionParams
            {
                AssertionResponse = response,
                OriginalOptions = AssertionOptions.FromJson(challenge.OptionsJson),
                StoredPublicKey = passkey.PublicKey,
                StoredSignatureCounter = passkey.SignCount,
                IsUserHandleOwnerOfCredentialIdCallback = (args, _) => Task.FromResult(
                    WebEncoders.Base64UrlEncode(args.UserHandle) == handle
                    && WebEncoders.Base64UrlEncode(args.CredentialId) == credentialId),
            }, cancellationToken);
        }
        catch (Fido2VerificationException)
        {
            return PasskeyAssertionResult.Refused;
        }

        // Written under the row's ETag: two assertions checked against one stored count cannot both pass.
        return await passkeys.TryRecordUseAsync(passkey, verified.SignCount, time.GetUtcNow(), cancellationToken)
            ? new PasskeyAssertionResult(passkey.UserId, credentialId)
            : PasskeyAssertionResult.Refused;
    }
}
