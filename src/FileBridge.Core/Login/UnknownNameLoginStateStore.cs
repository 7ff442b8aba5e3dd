using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace FileBridge.Core.Login;

/// <summary>
/// Lockout counters of names that are not accounts, so that such a name answers exactly like a real
/// one (401s, then 429 after the same count). Why a table: the counts must be shared by every
/// instance, like an account's row. Rows are keyed by an HMAC of the name (people type passwords
/// into the name field; those must not be stored readable), carry <c>ExpiresAt</c>, count as
/// nothing once expired and are swept by <see cref="LoginAttemptsCleanup"/>: their number is bounded
/// by the sign-in rate limits times the lockout window.
/// </summary>
public sealed class UnknownNameLoginStateStore(TableServiceClient service, IOptions<LoginOptions> options, TimeProvider time) : ILoginStateStore
{
    internal const string ExpiresAtColumn = "ExpiresAt";
    // The HMAC key lives in the table itself, under a key no hex digest can take.
    private const string KeyRow = "hmac-key";
    private const string KeyColumn = "Key";

    private readonly TableClient _table = service.GetTableClient(options.Value.AttemptsTableName);
    private readonly SemaphoreSlim _keyLock = new(1, 1);
    private byte[]? _key;

    public async Task<LoginState> ReadAsync(string userId, CancellationToken cancellationToken)
    {
        var id = await RowKeyAsync(userId, cancellationToken);
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(id, id, cancellationToken: cancellationToken);
        return response.HasValue ? LoginStateColumns.Read(response.Value!) : LoginState.None;
    }

    public async Task<LoginState?> TryWriteAsync(string userId, LoginState current, LoginState next, CancellationToken cancellationToken)
    {
        var id = await RowKeyAsync(userId, cancellationToken);
        return await TryWriteRowAsync(new TableEntity(id, id), current, next, cancellationToken);
    }

    /// <summary>The attempts table, shared with <see cref="DeviceLoginStateStore"/>.</summary>
    internal TableClient Table => _table;

    /// <summary>The keyed hash of a name: how the attempts table names it without storing what was typed.</summary>
    internal Task<string> HashOfNameAsync(string userId, CancellationToken cancellationToken) => RowKeyAsync(userId, cancellationToken);

    /// <summary>Writes a counters row of this table (an unknown name's or a device's), expiring with its window.</summary>
    internal async Task<LoginState?> TryWriteRowAsync(TableEntity row, LoginState current, LoginState next, CancellationToken cancellationToken)
    {
        var entity = LoginStateColumns.Write(row, next);
        entity[ExpiresAtColumn] = ExpiryOf(next);
        try
        {
            var response = current.ETag == default
                ? await _table.AddEntityAsync(entity, cancellationToken)
                : await _table.UpdateEntityAsync(entity, current.ETag, TableUpdateMode.Replace, cancellationToken);
            return next with { ETag = response.Headers.ETag ?? default };
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412 or 404)
        {
            return null;
        }
    }

    /// <summary>Deletes rows that no longer count for anything; returns how many.</summary>
    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        var deleted = 0;
        var filter = TableClient.CreateQueryFilter($"{ExpiresAtColumn} lt {time.GetUtcNow()}");
        try
        {
            await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
            {
                // The ETag guard keeps a row that a sign-in renewed meanwhile.
                await _table.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken);
                deleted++;
            }
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            // No table yet, or a row renewed between query and delete: the next sweep sees it.
        }

        return deleted;
    }

    private static DateTimeOffset ExpiryOf(LoginState state)
    {
        var lockEnd = state.LockedUntil ?? DateTimeOffset.UnixEpoch;
        var windowEnd = state.WindowEndsAt ?? DateTimeOffset.UnixEpoch;
        return lockEnd > windowEnd ? lockEnd : windowEnd;
    }

    private async Task<string> RowKeyAsync(string userId, CancellationToken cancellationToken)
    {
        var key = _key ?? await LoadKeyAsync(cancellationToken);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(userId)));
    }

    private async Task<byte[]> LoadKeyAsync(CancellationToken cancellationToken)
    {
        await _keyLock.WaitAsync(cancellationToken);
        try
        {
            if (_key is not null)
            {
                return _key;
            }

            await _table.CreateIfNotExistsAsync(cancellationToken);
            var candidate = new TableEntity(KeyRow, KeyRow) { [KeyColumn] = RandomNumberGenerator.GetBytes(32) };
            try
            {
                await _table.AddEntityAsync(candidate, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                // Another instance created it first; everyone uses that one.
            }

            var stored = await _table.GetEntityAsync<TableEntity>(KeyRow, KeyRow, cancellationToken: cancellationToken);
            return _key = stored.Value.GetBinary(KeyColumn);
        }
        finally
        {
            _keyLock.Release();
        }
    }
}
