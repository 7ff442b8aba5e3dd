using Azure;
using Azure.Data.Tables;
using FileBridge.Core.Sessions;
using FileBridge.Core.Storage;
using Microsoft.Extensions.Options;

namespace FileBridge.Core.Users;

/// <summary>
/// Writes a password a person chose: the hash, "not temporary", and a new security stamp, in one write under the
/// row's ETag and only over the hash that was verified. Of several changes made with the same current password,
/// exactly one lands; the others find a different hash and are refused.
/// </summary>
public sealed class PasswordChangeWriter(TableServiceClient service, IOptions<UsersOptions> options, SessionCheckCache? cache = null)
{
    // The row also carries the lockout counters, which other requests write: a lost race is read again.
    private const int Rounds = 10;

    private readonly TableClient _table = service.GetTableClient(options.Value.TableName);

    /// <summary>The new security stamp, or null when the password is no longer <paramref name="verifiedHash"/> (or the account is gone).</summary>
    public async Task<string?> TryChangeAsync(string userId, string verifiedHash, string newHash, CancellationToken cancellationToken)
    {
        try
        {
            for (var round = 0; round < Rounds; round++)
            {
                var response = await _table.GetEntityIfExistsAsync<TableEntity>(userId, userId, cancellationToken: cancellationToken);
                if (!response.HasValue || response.Value!.GetString(TableUserStore.PasswordHashColumn) != verifiedHash)
                {
                    return null;
                }

                var stamp = SecurityStamp.New();
                var entity = new TableEntity(userId, userId)
                {
                    [TableUserStore.PasswordHashColumn] = newHash,
                    // Merge ignores nulls, so "not temporary" is a moment in the past, as the user store writes it.
                    [TableUserStore.TemporaryPasswordExpiresAtColumn] = DateTimeOffset.UnixEpoch,
                    [TableUserStore.SecurityStampColumn] = stamp,
                };
                try
                {
                    await _table.UpdateEntityAsync(entity, response.Value.ETag, TableUpdateMode.Merge, cancellationToken);
                    return stamp;
                }
                catch (RequestFailedException e) when (e.Status == 412)
                {
                    // Another write landed in between: decide again on what it wrote.
                }
            }

            return null;
        }
        finally
        {
            cache?.EvictUser(userId);
        }
    }
}
