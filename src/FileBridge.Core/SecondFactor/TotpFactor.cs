using FileBridge.Core.Passkeys;
using Microsoft.Extensions.Options;

namespace FileBridge.Core.SecondFactor;

/// <summary>
/// Authenticator codes: enrolment (a pending secret, confirmed by a first code), verification and removal.
/// The secret is stored encrypted; <c>TotpLastStep</c> is written under the Users row's ETag before a
/// code is accepted, so one code is accepted once across every instance, and never a code older than the
/// last one used.
/// </summary>
public sealed class TotpFactor(
    UserFactorStore factors,
    PasskeyStore passkeys,
    RecoveryCodeService recoveryCodes,
    SecretProtector protector,
    IOptions<SecondFactorOptions> options,
    TimeProvider time)
{
    internal const string Purpose = "totp";

    /// <summary>A new pending secret; a working one stays in force until this one is confirmed. Null: no such account.</summary>
    public async Task<TotpSetup?> StartAsync(string userId, string userName, CancellationToken cancellationToken)
    {
        var secret = TotpCodes.NewSecret();
        var pending = protector.Protect(secret, Purpose, userId);
        var written = await factors.UpdateAsync(
            userId, _ => (new UserFactorsChange(TotpPendingSecret: pending), true), refused: false, cancellationToken);
        return written ? new TotpSetup(TotpCodes.SecretText(secret), TotpCodes.Uri(secret, userName)) : null;
    }

    /// <summary>
    /// Confirms the pending secret with a code of it: the secret becomes the working one and the code's
    /// step counts as used. The first factor of a person also gets a new set of recovery codes.
    /// </summary>
    public async Task<TotpConfirmation> ConfirmAsync(string userId, string? code, CancellationToken cancellationToken)
    {
        var current = await factors.ReadAsync(userId, cancellationToken);
        if (current?.TotpPendingSecret is null)
        {
            return TotpConfirmation.Invalid;
        }

        var firstFactor = !current.HasTotp && (await passkeys.ListAsync(current.PasskeyUserHandle, cancellationToken)).Count == 0;
        var codes = firstFactor ? RecoveryCodes.NewSet() : null;
        var now = time.GetUtcNow();
        return await factors.UpdateAsync(userId, row =>
        {
            var secret = protector.Unprotect(row.TotpPendingSecret, Purpose, userId);
            if (secret is null || TotpCodes.MatchingStep(secret, code, now, row.TotpLastStep) is not { } step)
            {
                return (null, TotpConfirmation.Invalid);
            }

            // A first factor gets codes in the same write, unless codes were made meanwhile by a passkey.
            var newCodes = codes is not null && row.RecoveryCodeHashes.Count == 0 && !row.HasTotp ? codes : null;
            var change = new UserFactorsChange(
                TotpSecret: row.TotpPendingSecret,
                TotpPendingSecret: string.Empty,
                TotpLastStep: step,
                RecoveryCodeHashes: newCodes?.Select(c => RecoveryCodes.Hash(c)!).ToList());
            return (change, new TotpConfirmation(true, newCodes));
        }, TotpConfirmation.Invalid, cancellationToken);
    }

    /// <summary>True when <paramref name="code"/> is the person's current or previous code and later than the last one used; it is used up now.</summary>
    public async Task<bool> VerifyAsync(string userId, string? code, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return await factors.UpdateAsync(userId, row =>
        {
            var secret = protector.Unprotect(row.TotpSecret, Purpose, userId);
            return secret is not null && TotpCodes.MatchingStep(secret, code, now, row.TotpLastStep) is { } step
                ? (new UserFactorsChange(TotpLastStep: step), true)
                : (null, false);
        }, refused: false, cancellationToken);
    }

    /// <summary>Removes the working secret (and a pending one); the last factor stays under <c>Required</c>.</summary>
    public async Task<FactorRemoval> RemoveAsync(string userId, CancellationToken cancellationToken)
    {
        var current = await factors.ReadAsync(userId, cancellationToken);
        if (current is null || !current.HasTotp)
        {
            return FactorRemoval.NotFound;
        }

        var passkeyCount = (await passkeys.ListAsync(current.PasskeyUserHandle, cancellationToken)).Count;
        if (options.Value.SecondFactor == SecondFactorPolicy.Required && passkeyCount == 0)
        {
            return FactorRemoval.LastFactor;
        }

        var removed = await factors.UpdateAsync(userId, row => row.HasTotp
            ? (new UserFactorsChange(TotpSecret: string.Empty, TotpPendingSecret: string.Empty), FactorRemoval.Removed)
            : (null, FactorRemoval.NotFound), FactorRemoval.NotFound, cancellationToken);
        if (removed == FactorRemoval.Removed)
        {
            await recoveryCodes.DropIfNoFactorAsync(userId, cancellationToken);
        }

        return removed;
    }
}
