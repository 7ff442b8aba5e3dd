using FileBridge.Core.SecondFactor;
using Microsoft.Extensions.Options;

namespace FileBridge.Core.Passkeys;

/// <summary>A person's passkeys on the account page: list and remove.</summary>
public sealed class PasskeyManagement(
    PasskeyStore passkeys,
    UserFactorStore factors,
    RecoveryCodeService recoveryCodes,
    IOptions<SecondFactorOptions> options)
{
    public async Task<IReadOnlyList<PasskeyInfo>> ListAsync(string userId, CancellationToken cancellationToken)
    {
        var row = await factors.ReadAsync(userId, cancellationToken);
        return row is null ? [] : (await passkeys.ListAsync(row.PasskeyUserHandle, cancellationToken)).Select(PasskeyInfo.From).ToList();
    }

    /// <summary>Removes one of the person's passkeys; the last factor stays under <c>Required</c>.</summary>
    public async Task<FactorRemoval> RemoveAsync(string userId, string credentialId, CancellationToken cancellationToken)
    {
        var row = await factors.ReadAsync(userId, cancellationToken);
        if (row?.PasskeyUserHandle is not { } handle || await passkeys.FindAsync(handle, credentialId, cancellationToken) is null)
        {
            return FactorRemoval.NotFound;
        }

        var count = (await passkeys.ListAsync(handle, cancellationToken)).Count;
        if (options.Value.SecondFactor == SecondFactorPolicy.Required && count == 1 && !row.HasTotp)
        {
            return FactorRemoval.LastFactor;
        }

        if (!await passkeys.DeleteAsync(handle, credentialId, cancellationToken))
        {
            return FactorRemoval.NotFound;
        }

        await recoveryCodes.DropIfNoFactorAsync(userId, cancellationToken);
        return FactorRemoval.Removed;
    }
}
