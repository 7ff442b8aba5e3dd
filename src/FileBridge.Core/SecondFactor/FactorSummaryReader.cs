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
}
