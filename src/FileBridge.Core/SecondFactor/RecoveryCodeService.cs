using FileBridge.Core.Passkeys;

namespace FileBridge.Core.SecondFactor;

/// <summary>
/// Recovery codes: a set of <see cref="RecoveryCodes.SetSize"/>, shown once, each used once. The removal
/// of a used code is written under the Users row's ETag before anyone is signed in, so of two requests
/// with one code only one succeeds.
/// </summary>
public sealed class RecoveryCodeService(UserFactorStore factors, PasskeyStore passkeys)
{
    /// <summary>True when <paramref name="code"/> was one of the person's unused codes; it is used up now.</summary>
    public async Task<bool> UseAsync(string userId, string? code, CancellationToken cancellationToken)
    {
        if (RecoveryCodes.Hash(code) is not { } hash)
        {
            return false;
        }

        return await factors.UpdateAsync(userId, row =>
        {
            if (!row.RecoveryCodeHashes.Contains(hash, StringComparer.Ordinal))
            {
                return (null, false);
            }

            var left = row.RecoveryCodeHashes.Where(h => !string.Equals(h, hash, StringComparison.Ordinal)).ToList();
            return (new UserFactorsChange(RecoveryCodeHashes: left), true);
        }, refused: false, cancellationToken);
    }

    /// <summary>A new set replacing the old one; null when the person has no factor the codes could stand in for.</summary>
    public async Task<IReadOnlyList<string>?> ReplaceAsync(string userId, CancellationToken cancellationToken)
    {
        var row = await factors.ReadAsync(userId, cancellationToken);
        if (row is null || (!row.HasTotp && (await passkeys.ListAsync(row.PasskeyUserHandle, cancellationToken)).Count == 0))
        {
            return null;
        }

        var codes = RecoveryCodes.NewSet();
        var hashes = codes.Select(c => RecoveryCodes.Hash(c)!).ToList();
        return await factors.UpdateAsync<IReadOnlyList<string>?>(
            userId, _ => (new UserFactorsChange(RecoveryCodeHashes: hashes), codes), refused: null, cancellationToken);
    }

    /// <summary>Deletes the codes when the person's last factor went: they are no factor of their own.</summary>
    public async Task DropIfNoFactorAsync(string userId, CancellationToken cancellationToken)
    {
        var row = await factors.ReadAsync(userId, cancellationToken);
        if (row is null || row.RecoveryCodeHashes.Count == 0)
        {
            return;
        }

        var hasPasskey = (await passkeys.ListAsync(row.PasskeyUserHandle, cancellationToken)).Count > 0;
        await factors.UpdateAsync(userId, current =>
            current.HasTotp || hasPasskey || current.RecoveryCodeHashes.Count == 0
                ? (null, false)
                : (new UserFactorsChange(RecoveryCodeHashes: []), true),
            refused: false, cancellationToken);
    }
}
