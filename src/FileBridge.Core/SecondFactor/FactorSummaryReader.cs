using FileBridge.Core.Passkeys;

namespace FileBridge.Core.SecondFactor;

/// <summary>Reads what factors a person has: the Users row's columns and their passkeys' partition.</summary>
public sealed class FactorSummaryReader(UserFactorStore factors, PasskeyStore passkeys)
{
    public async Task<FactorSummary> ReadAsync(string userId, CancellationToken cancellationToken)
    {
        var row = await factors.ReadAsync(userId, cancellationToken);
        if (row is null)
        {
            return FactorSummary.None;
        }

        var keys = await passkeys.ListAsync(row.PasskeyUserHandle, cancellationToken);
        return new FactorSummary(row.HasTotp, keys.Count, row.RecoveryCodeHashes.Count);
    }

    /// <summary>
    /// Everybody's factors by user id, in two scans (the Users table and the Passkeys table's keys) rather than
    /// one passkey query per person: the operator's <c>users list</c>.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, FactorSummary>> ReadAllAsync(CancellationToken cancellationToken)
    {
        var rows = await factors.ListAsync(cancellationToken);
        var counts = await passkeys.CountByUserHandleAsync(cancellationToken);
        return rows.ToDictionary(
            row => row.UserId,
            row => new FactorSummary(
                row.HasTotp,
                row.PasskeyUserHandle is { } handle ? counts.GetValueOrDefault(handle) : 0,
                row.RecoveryCodeHashes.Count),
            StringComparer.Ordinal);
    }
}
