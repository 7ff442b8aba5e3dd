using System.Text.Json;
using Fido2NetLib;
using Fido2NetLib.Objects;
using FileBridge.Core.SecondFactor;
using Microsoft.AspNetCore.WebUtilities;

namespace FileBridge.Core.Passkeys;

/// <summary>
/// Registers passkeys through Fido2: discoverable credentials with user verification, so that a passkey
/// alone is both factors. The first factor of a person also gets a new set of recovery codes.
/// </summary>
public sealed class PasskeyRegistration(
    Fido2Factory fido2,
    ChallengeStore challenges,
    PasskeyStore passkeys,
    PasskeyUserHandles handles,
    UserFactorStore factors,
    TimeProvider time)
{
    /// <summary>Creation options excluding the person's existing passkeys; null when there is no such account.</summary>
    public async Task<PasskeyCeremonyOptions?> BeginAsync(string userId, string displayName, CancellationToken cancellationToken)
    {
        if (await handles.GetOrCreateAsync(userId, cancellationToken) is not { } handle)
        {
            return null;
        }

        var existing = await passkeys.ListAsync(handle, cancellationToken);
        var options = fido2.Create(appOrigin: null).RequestNewCredential(new RequestNewCredentialParams
        {
            User = new Fido2User { Id = WebEncoders.Base64UrlDecode(handle), Name = userId, DisplayName = string.IsNullOrWhiteSpace(displayName) ? userId : displayName },
            ExcludeCredentials = existing.Select(p => new PublicKeyCredentialDescriptor(WebEncoders.Base64UrlDecode(p.CredentialId))).ToList(),
            AuthenticatorSelection = new AuthenticatorSelection
            {
                ResidentKey = ResidentKeyRequirement.Required,
                UserVerification = UserVerificationRequirement.Required,
            },
            AttestationPreference = AttestationConveyancePreference.None,
        });
        var json = PasskeyJson.CreationOptions(options);
        var ticket = await challenges.IssueAsync(ChallengePurpose.Registration, options.ToJson(), userId, cancellationToken);
        return new PasskeyCeremonyOptions(json, ticket);
    }

    /// <summary>
    /// Verifies the browser's <c>PublicKeyCredential.toJSON()</c> against the challenge the ticket's
    /// browser was given for this person, and stores the passkey under <paramref name="name"/>.
    /// </summary>
    public async Task<PasskeyRegistrationResult> CompleteAsync(
        string? binding, string userId, JsonElement credential, string? name, string? appOrigin, CancellationToken cancellationToken)
    {
        if (PasskeyNames.Normalize(name) is not { } passkeyName
            || PasskeyJson.Attestation(credential) is not { } response
            || await challenges.TakeAsync(binding, ChallengePurpose.Registration, cancellationToken) is not { } challenge
            || challenge.UserId != userId)
        {
            return PasskeyRegistrationResult.Refused;
        }

        var originalOptions = CredentialCreateOptions.FromJson(challenge.OptionsJson);
        var handle = WebEncoders.Base64UrlEncode(originalOptions.User.Id);
        RegisteredPublicKeyCredential registered;
        try
        {
            registered = await fido2.Create(appOrigin).MakeNewCredentialAsync(new MakeNewCredentialParams
            {
                AttestationResponse = response,
                OriginalOptions = originalOptions,
                IsCredentialIdUniqueToUserCallback = async (args, ct) =>
                    await passkeys.FindAsync(handle, WebEncoders.Base64UrlEncode(args.CredentialId), ct) is null,
            }, cancellationToken);
        }
        catch (Fido2VerificationException)
        {
            return PasskeyRegistrationResult.Refused;
        }

        var before = await factors.ReadAsync(userId, cancellationToken);
        if (before is null || before.PasskeyUserHandle != handle)
        {
            // The account went, or its factors were reset, while the browser was busy.
            return PasskeyRegistrationResult.Refused;
        }

        var firstFactor = !before.HasTotp && (await passkeys.ListAsync(handle, cancellationToken)).Count == 0;
        var stored = new StoredPasskey(
            handle, WebEncoders.Base64UrlEncode(registered.Id), userId, passkeyName, registered.PublicKey, registered.SignCount,
            time.GetUtcNow(), null, registered.Transports?.Select(t => t.ToEnumMemberValue()).ToList() ?? []);
        if (!await passkeys.TryAddAsync(stored, cancellationToken))
        {
            return PasskeyRegistrationResult.Refused;
        }

        var codes = firstFactor ? await NewRecoveryCodesAsync(userId, cancellationToken) : null;
        return new PasskeyRegistrationResult(PasskeyInfo.From(stored), codes);
    }

    private async Task<IReadOnlyList<string>?> NewRecoveryCodesAsync(string userId, CancellationToken cancellationToken)
    {
        var codes = RecoveryCodes.NewSet();
        var hashes = codes.Select(c => RecoveryCodes.Hash(c)!).ToList();

        // Unless a TOTP confirmed meanwhile already made the first set.
        return await factors.UpdateAsync<IReadOnlyList<string>?>(userId, row => row.RecoveryCodeHashes.Count == 0 && !row.HasTotp
            ? (new UserFactorsChange(RecoveryCodeHashes: hashes), codes)
            : (null, null), refused: null, cancellationToken);
    }
}
