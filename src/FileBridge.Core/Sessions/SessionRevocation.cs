using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace FileBridge.Core.Sessions;

/// <summary>
/// <c>sessions revoke --all</c>: a revoked-before marker, one row of the Sessions table under a key no token hash can
/// take. Every session created before it is dead; nothing is deleted, so no table is ever missing for a moment. Each
/// instance re-reads the marker at most every <see cref="RereadAfter"/>, so a revocation reaches every instance
/// within that time.
/// </summary>
public sealed class SessionRevocation(TableServiceClient service, IOptions<SessionsOptions> options, TimeProvider time)
{
    /// <summary>Not 64 hex digits: never a token hash.</summary>
    internal const string MarkerKey = "revoked-before";
    private const string RevokedBeforeColumn = "RevokedBefore";

    public static readonly TimeSpan RereadAfter = TimeSpan.FromSeconds(5);

    private readonly TableClient _table = service.GetTableClient(options.Value.TableName);
    private (DateTimeOffset? RevokedBefore, DateTimeOffset ReadAt)? _cached;

    /// <summary>Ends every session that exists now; returns the moment written.</summary>
    public async Task<DateTimeOffset> RevokeAllAsync(CancellationToken cancellationToken)
    {
        await _table.CreateIfNotExistsAsync(cancellationToken);
        var now = time.GetUtcNow();
        await _table.UpsertEntityAsync(new TableEntity(MarkerKey, MarkerKey) { [RevokedBeforeColumn] = now }, TableUpdateMode.Replace, cancellationToken);
        _cached = (now, now);
        return now;
    }

    /// <summary>True when a session created at <paramref name="createdAt"/> was revoked by the marker.</summary>
    public async Task<bool> IsRevokedAsync(DateTimeOffset createdAt, CancellationToken cancellationToken) =>
        await RevokedBeforeAsync(cancellationToken) is { } before && createdAt < before;

    /// <summary>The moment of the last <c>sessions revoke --all</c>, or null; read again at most every <see cref="RereadAfter"/>.</summary>
    public async Task<DateTimeOffset?> RevokedBeforeAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_cached is { } cached && now - cached.ReadAt < RereadAfter)
        {
            return cached.RevokedBefore;
        }

        DateTimeOffset? revokedBefore = null;
        try
        {
            var response = await _table.GetEntityIfExistsAsync<TableEntity>(MarkerKey, MarkerKey, cancellationToken: cancellationToken);
            revokedBefore = response.HasValue ? response.Value!.GetDateTimeOffset(RevokedBeforeColumn) : null;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No table yet: nothing was revoked.
        }

        _cached = (revokedBefore, now);
        return revokedBefore;
    }
}
