using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using FileBridge.Core.SecondFactor;
using FileBridge.Core.Storage;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace FileBridge.Core.Passkeys;

/// <summary>
/// The Passkeys table. PartitionKey = the account's passkey user handle (base64url), so one person's
/// passkeys are one partition query, and an assertion's user handle leads straight to them;
/// RowKey = base64url SHA-256 of the credential id (ids may be longer than a key may be).
/// </summary>
public sealed class PasskeyStore(TableServiceClient service, IOptions<SecondFactorOptions> options)
{
    internal const string CredentialIdColumn = "CredentialId";
    internal const string UserIdColumn = "UserId";
    internal const string NameColumn = "Name";
    internal const string PublicKeyColumn = "PublicKey";
    internal const string SignCountColumn = "SignCount";
    internal const string CreatedAtColumn = "CreatedAt";
    internal const string LastUsedAtColumn = "LastUsedAt";
    internal const string TransportsColumn = "Transports";

    private readonly TableClient _table = service.GetTableClient(options.Value.PasskeysTableName);

    public async Task<IReadOnlyList<StoredPasskey>> ListAsync(string? userHandle, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(userHandle))
        {
            return [];
        }

        var passkeys = new List<StoredPasskey>();
        try
        {
            await foreach (var entity in _table.QueryAsync<TableEntity>(e => e.PartitionKey == userHandle, cancellationToken: cancellationToken))
            {
                passkeys.Add(ToPasskey(entity));
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return [];
        }

        return passkeys.OrderBy(p => p.CreatedAt).ToList();
    }

    public async Task<StoredPasskey?> FindAsync(string userHandle, string credentialId, CancellationToken cancellationToken)
    {
        if (RowKeyOf(credentialId) is not { } rowKey || !IsKeySafe(userHandle))
        {
            return null;
        }

        try
        {
            var response = await _table.GetEntityIfExistsAsync<TableEntity>(userHandle, rowKey, cancellationToken: cancellationToken);
            return response.HasValue ? ToPasskey(response.Value!) : null;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>False when this credential is already registered to the account.</summary>
    public async Task<bool> TryAddAsync(StoredPasskey passkey, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(passkey.UserHandle, RowKeyOf(passkey.CredentialId)!)
        {
            [CredentialIdColumn] = passkey.CredentialId,
            [UserIdColumn] = passkey.UserId,
            [NameColumn] = passkey.Name,
            [PublicKeyColumn] = passkey.PublicKey,
            [SignCountColumn] = (long)passkey.SignCount,
            [CreatedAtColumn] = passkey.CreatedAt,
            [TransportsColumn] = string.Join(',', passkey.Transports),
        };
        await _table.CreateIfNotExistsAsync(cancellationToken);
        try
        {
            await _table.AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Records a sign-in under the row's ETag: of two assertions read against one count, one wins.</summary>
    public async Task<bool> TryRecordUseAsync(StoredPasskey passkey, uint signCount, DateTimeOffset usedAt, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(passkey.UserHandle, RowKeyOf(passkey.CredentialId)!)
        {
            [SignCountColumn] = (long)signCount,
            [LastUsedAtColumn] = usedAt,
        };
        try
        {
            await _table.UpdateEntityAsync(entity, passkey.ETag, TableUpdateMode.Merge, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return false;
        }
    }

    public async Task<bool> DeleteAsync(string userHandle, string credentialId, CancellationToken cancellationToken)
    {
        if (RowKeyOf(credentialId) is not { } rowKey || !IsKeySafe(userHandle))
        {
            return false;
        }

        return await _table.DeleteIfPresentAsync(userHandle, rowKey, cancellationToken);
    }

    /// <summary>
    /// How many passkeys each user handle has, in one scan that reads only the keys (the operator's
    /// <c>users list</c>); a handle with none is absent.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, int>> CountByUserHandleAsync(CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        try
        {
            await foreach (var entity in _table.QueryAsync<TableEntity>(select: ["PartitionKey"], cancellationToken: cancellationToken))
            {
                counts[entity.PartitionKey] = counts.GetValueOrDefault(entity.PartitionKey) + 1;
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return counts;
        }

        return counts;
    }

    internal static string? RowKeyOf(string credentialId)
    {
        try
        {
            var raw = WebEncoders.Base64UrlDecode(credentialId);
            return raw.Length is > 0 and <= 1023 ? WebEncoders.Base64UrlEncode(SHA256.HashData(raw)) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static bool IsKeySafe(string key) =>
        key.Length is > 0 and <= 128 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static StoredPasskey ToPasskey(TableEntity entity) => new(
        entity.PartitionKey,
        entity.GetString(CredentialIdColumn) ?? string.Empty,
        entity.GetString(UserIdColumn) ?? string.Empty,
        entity.GetString(NameColumn) ?? string.Empty,
        entity.GetBinary(PublicKeyColumn) ?? [],
        (uint)Math.Clamp(entity.GetInt64(SignCountColumn) ?? 0, 0, uint.MaxValue),
        EntityReader.DateTime(entity, CreatedAtColumn) ?? DateTimeOffset.MinValue,
        EntityReader.DateTime(entity, LastUsedAtColumn),
        (entity.GetString(TransportsColumn) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries),
        entity.ETag);
}
