using Azure;
using Azure.Data.Tables;
using FileBridge.Core.Storage;
using Microsoft.Extensions.Options;

namespace FileBridge.Core.Sessions;

/// <summary>
/// The session index in its own table (<see cref="SessionsOptions.IndexTableName"/>): PartitionKey = the user id,
/// RowKey = the session's opaque id. One more row per person, <see cref="VersionKey"/>, changes with every
/// addition: sign-ins arriving at once for the same person each write it with the ETag they read, in one
/// transaction with their own entry and the removals they decided, so only one of them lands per read of the
/// partition and the others read again. Entries of sessions created before <c>sessions revoke --all</c> count as
/// gone.
/// </summary>
public sealed class TableSessionIndex(TableServiceClient service, IOptions<SessionsOptions> options, TimeProvider time) : ISessionIndex
{
    /// <summary>Not a session id (which never holds <c>~</c>), and sorted after all of them.</summary>
    internal const string VersionKey = "~version";

    // Sign-ins of one person arriving at once each need a turn; the per-name sign-in limit keeps them few.
    private const int MaxAttempts = 32;

    // An entity group transaction holds at most 100 operations: the version row, the new entry and the removals.
    private const int MaxRemovalsPerStep = 90;

    private const string TokenHashColumn = "TokenHash";
    private const string CreatedAtColumn = "CreatedAt";
    private const string ExpiresAtColumn = "ExpiresAt";
    private const string LastSeenAtColumn = "LastSeenAt";
    private const string ClientColumn = "Client";
    private const string AddressColumn = "Address";
    private const string AddedAtColumn = "AddedAt";

    private readonly TableClient _table = service.GetTableClient(options.Value.IndexTableName);
    private readonly SessionRevocation _revocation = new(service, options, time);
    private volatile bool _tableExists;

    public async Task<IReadOnlyList<SessionIndexEntry>> AddAsync(
        string userId,
        SessionIndexEntry entry,
        Func<IReadOnlyList<SessionIndexEntry>, IReadOnlyList<SessionIndexEntry>> toRemove,
        Func<SessionIndexEntry, CancellationToken, Task> endSession,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(toRemove);
        ArgumentNullException.ThrowIfNull(endSession);
        await EnsureTableAsync(cancellationToken);

        // Sessions this sign-in ended while losing a turn: their entries go in the next attempt, whatever it picks.
        var ended = new Dictionary<string, SessionIndexEntry>(StringComparer.Ordinal);
        for (var attempt = 1; ; attempt++)
        {
            var (version, entries) = await ReadPartitionAsync(userId, cancellationToken);
            var revokedBefore = await _revocation.RevokedBeforeAsync(cancellationToken);
            var gone = entries.Where(e => ended.ContainsKey(e.SessionId) || e.CreatedAt < revokedBefore).ToList();
            var picked = toRemove(entries.Except(gone).ToList());
            var removals = gone.Concat(picked).DistinctBy(e => e.SessionId).Take(MaxRemovalsPerStep).ToList();
            foreach (var removal in removals.Where(r => !ended.ContainsKey(r.SessionId)))
            {
                await endSession(removal, cancellationToken);
                ended[removal.SessionId] = removal;
            }

            var actions = new List<TableTransactionAction>
            {
                version is null
                    ? new TableTransactionAction(TableTransactionActionType.Add, VersionRow(userId))
                    : new TableTransactionAction(TableTransactionActionType.UpdateReplace, VersionRow(userId), version.Value),
                new(TableTransactionActionType.Add, ToEntity(userId, entry)),
            };
            actions.AddRange(removals.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(userId, r.SessionId), ETag.All)));
            try
            {
                await _table.SubmitTransactionAsync(actions, cancellationToken);
                return removals;
            }
            catch (TableTransactionFailedException e) when (e.Status is 404 or 409 or 412 && attempt < MaxAttempts)
            {
                // Another sign-in (or a sign-out of a picked session) landed first: read the partition again.
            }
        }
    }

    public async Task<IReadOnlyList<SessionIndexEntry>> ListAsync(string userId, CancellationToken cancellationToken)
    {
        var (_, entries) = await ReadPartitionAsync(userId, cancellationToken);
        var revokedBefore = await _revocation.RevokedBeforeAsync(cancellationToken);
        return entries.Where(e => !(e.CreatedAt < revokedBefore)).ToList();
    }

    public async Task<SessionIndexEntry?> FindAsync(string userId, string sessionId, CancellationToken cancellationToken)
    {
        if (!SessionIds.LooksValid(sessionId))
        {
            return null;
        }

        try
        {
            var response = await _table.GetEntityIfExistsAsync<TableEntity>(userId, sessionId, cancellationToken: cancellationToken);
            return response.HasValue && ToEntry(response.Value!) is { } entry && !(entry.CreatedAt < await _revocation.RevokedBeforeAsync(cancellationToken))
                ? entry
                : null;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task TouchAsync(string userId, string sessionId, DateTimeOffset lastSeenAt, CancellationToken cancellationToken)
    {
        try
        {
            // A merge never brings back a removed entry (404).
            var entity = new TableEntity(userId, sessionId) { [LastSeenAtColumn] = lastSeenAt };
            await _table.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            // Ended meanwhile: fine.
        }
    }

    public async Task<bool> RemoveAsync(string userId, string sessionId, CancellationToken cancellationToken)
    {
        if (!SessionIds.LooksValid(sessionId))
        {
            return false;
        }

        return await _table.DeleteIfPresentAsync(userId, sessionId, cancellationToken);
    }

    private async Task<(ETag? Version, List<SessionIndexEntry> Entries)> ReadPartitionAsync(string userId, CancellationToken cancellationToken)
    {
        ETag? version = null;
        var entries = new List<SessionIndexEntry>();
        try
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {userId}");
            await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                if (entity.RowKey == VersionKey)
                {
                    version = entity.ETag;
                }
                else if (ToEntry(entity) is { } entry)
                {
                    entries.Add(entry);
                }
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No session was ever started: no table yet.
        }

        return (version, entries);
    }

    private async Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        if (!_tableExists)
        {
            await _table.CreateIfNotExistsAsync(cancellationToken);
            _tableExists = true;
        }
    }

    private TableEntity VersionRow(string userId) => new(userId, VersionKey) { [AddedAtColumn] = time.GetUtcNow() };

    private static TableEntity ToEntity(string userId, SessionIndexEntry entry)
    {
        var entity = new TableEntity(userId, entry.SessionId)
        {
            [TokenHashColumn] = entry.TokenHash,
            [CreatedAtColumn] = entry.CreatedAt,
            [ExpiresAtColumn] = entry.ExpiresAt,
            [LastSeenAtColumn] = entry.LastSeenAt,
        };
        if (entry.Client is not null)
        {
            entity[ClientColumn] = entry.Client;
        }

        if (entry.Address is not null)
        {
            entity[AddressColumn] = entry.Address;
        }

        return entity;
    }

    // A row without a token hash ends nothing and is no session (written by hand, or damaged).
    private static SessionIndexEntry? ToEntry(TableEntity entity) =>
        EntityReader.String(entity, TokenHashColumn) is { Length: > 0 } tokenHash
            ? new SessionIndexEntry(
                entity.RowKey,
                tokenHash,
                EntityReader.DateTime(entity, CreatedAtColumn) ?? DateTimeOffset.MinValue,
                EntityReader.DateTime(entity, ExpiresAtColumn) ?? DateTimeOffset.MinValue,
                EntityReader.DateTime(entity, LastSeenAtColumn) ?? DateTimeOffset.MinValue,
                EntityReader.String(entity, ClientColumn),
                EntityReader.String(entity, AddressColumn))
            : null;
}
