using FileBridge.Core.Passkeys;

namespace FileBridge.Core.SecondFactor;

/// <summary>
/// Removes every factor of a person (the operator's <c>users reset-factors</c>): TOTP, recovery codes
/// and passkeys. The user handle is dropped first, so a passkey whose row is still being deleted already
/// names no account.
/// </summary>
public sealed class FactorReset(UserFactorStore factors, PasskeyStore passkeys)
{
    /// <summary>False when there is no such account.</summary>
    public async Task<bool> ResetAsync(string userId, CancellationToken cancellationToken)
    {
        var handle = await factors.UpdateAsync<string?>(userId, row => (
            new UserFactorsChange(TotpSecret: string.Empty, TotpPendingSecret: string.Empty, RecoveryCodeHashes: [], PasskeyUserHandle: string.Empty),
            row.PasskeyUserHandle ?? string.Empty), refused: null, cancellationToken);
        if (handle is null)
        {
            return false;
        }

        foreach (var passkey in await passkeys.ListAsync(handle, cancellationToken))
        {
            await passkeys.DeleteAsync(passkey.UserHandle, passkey.CredentialId, cancellationToken);
        }

        return true;
    }
}
