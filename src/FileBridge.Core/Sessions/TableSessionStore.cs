using Azure;
using Azure.Data.Tables;
using FileBridge.Core.Storage;
using Microsoft.Extensions.Options;

namespace FileBridge.Core.Sessions;

/// <summary>Sessions in Azure Table storage: PartitionKey = RowKey = SHA-256 of the token.</summary>
public sealed class TableSessionStore(TableServiceClient service, IOptions<SessionsOptions> options) : ISessionStore
{
    private const string UserIdColumn = "UserId";
    private const string CreatedAtColumn = "CreatedAt";
    private const string ExpiresAtColumn = "ExpiresAt";
    private const string LastSeenAtColumn = "LastSeenAt";
    private const string SecurityStampColumn = "SecurityStamp";
    private const string AmrColumn = "Amr";
    private const string AuthenticatedAtColumn = "AuthenticatedAt";
    private const string SessionIdColumn = "SessionId";

    private readonly TableClient _table = service.GetTableClient(options.Value.TableName);
    private readonly SessionRevocation _revocation = new(service, options, TimeProvider.System);
    private volatile bool _tableExists;

    public async Task CreateAsync(SessionRecord session, CancellationToken cancellationToken)
    {
        if (!_tableExists)
        {
            await _table.CreateIfNotExistsAsync(cancellationToken);
            _tableExists = true;
        }

        var entity = new TableEntity(session.TokenHash, session.TokenHash)
        {
            [UserIdColumn] = session.UserId,
            [CreatedAtColumn] = session.CreatedAt,
            [ExpiresAtColumn] = session.ExpiresAt,
            [LastSeenAtColumn] = session.LastSeenAt,
        };
        if (session.SecurityStamp is not null)
        {
            entity[SecurityStampColumn] = session.SecurityStamp;
        }

        if (session.Amr is not null)
        {
            entity[AmrColumn] = session.Amr;
        }

        if (session.AuthenticatedAt is { } authenticatedAt)
        {
            entity[AuthenticatedAtColumn] = authenticatedAt;
        }

        if (session.SessionId is not null)
        {
            entity[SessionIdColumn] = session.SessionId;
        }

        await _table.AddEntityAsync(entity, cancellationToken);
    }

    public async Task<SessionRecord?> FindAsync(string tokenHash, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _table.GetEntityIfExistsAsync<TableEntity>(tokenHash, tokenHash, cancellationToken: cancellationToken);
            // A session created before `sessions revoke --all` is as good as gone.
            return response.HasValue && ToRecord(response.Value!) is { } record && !await _revocation.IsRevokedAsync(record.CreatedAt, cancellationToken)
                ? record
                : null;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task TouchAsync(SessionRecord session, DateTimeOffset lastSeenAt, CancellationToken cancellationToken)
    {
        try
        {
            // Any ETag: the row this instance remembers may be older than another instance's touch. A merge never
            // brings back a deleted row (404).
            var entity = new TableEntity(session.TokenHash, session.TokenHash) { [LastSeenAtColumn] = lastSeenAt };
            await _table.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            // Revoked meanwhile: fine.
        }
    }

    // Logout is idempotent: a session already gone is fine.
    public Task DeleteAsync(string tokenHash, CancellationToken cancellationToken) =>
        _table.DeleteIfPresentAsync(tokenHash, tokenHash, cancellationToken);

    private static SessionRecord ToRecord(TableEntity entity) => new(
        entity.RowKey,
        EntityReader.String(entity, UserIdColumn) ?? string.Empty,
        EntityReader.DateTime(entity, CreatedAtColumn) ?? DateTimeOffset.MinValue,
        EntityReader.DateTime(entity, ExpiresAtColumn) ?? DateTimeOffset.MinValue,
        EntityReader.DateTime(entity, LastSeenAtColumn) ?? DateTimeOffset.MinValue)
    {
        ETag = entity.ETag,
        SecurityStamp = EntityReader.String(entity, SecurityStampColumn) is { Length: > 0 } stamp ? stamp : null,
        Amr = EntityReader.String(entity, AmrColumn) is { Length: > 0 } amr ? amr : null,
        AuthenticatedAt = EntityReader.DateTime(entity, AuthenticatedAtColumn),
        SessionId = EntityReader.String(entity, SessionIdColumn) is { Length: > 0 } sessionId ? sessionId : null,
    };
}
