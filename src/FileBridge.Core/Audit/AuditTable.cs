using System.Globalization;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using FileBridge.Core.Storage;
using Microsoft.Extensions.Options;

namespace FileBridge.Core.Audit;

/// <summary>
/// The Audit table: PartitionKey = the UTC day (<c>yyyyMMdd</c>), RowKey = inverted ticks and a random suffix, so a
/// partition reads newest first and two events in one tick never collide. Reads walk day partitions, never the table.
/// </summary>
public sealed class AuditTable(TableServiceClient service, IOptions<AuditOptions> options)
{
    internal const string TimeColumn = "Time";
    internal const string ActionColumn = "Action";
    internal const string UserIdColumn = "UserId";
    internal const string TargetColumn = "Target";
    internal const string OutcomeColumn = "Outcome";
    internal const string ClientAddressColumn = "ClientAddress";
    internal const string RoleSessionNameColumn = "RoleSessionName";
    internal const string RequestIdColumn = "RequestId";

    private const int BatchSize = 100;

    // Days read at once by ReadAsync: enough to hide round trips, few enough that a --limit stops soon after it is met.
    private const int DaysInParallel = 16;

    private readonly TableClient _table = service.GetTableClient(options.Value.TableName);
    private volatile bool _tableExists;

    public static string PartitionOf(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public async Task WriteAsync(AuditEvent auditEvent, DateTimeOffset time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        await EnsureTableAsync(cancellationToken);
        var rowKey = (DateTimeOffset.MaxValue.UtcTicks - time.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N");
        await _table.AddEntityAsync(new TableEntity(PartitionOf(time), rowKey)
        {
            [TimeColumn] = time,
            [ActionColumn] = auditEvent.Action,
            [UserIdColumn] = auditEvent.UserId,
            [TargetColumn] = auditEvent.Target,
            [OutcomeColumn] = auditEvent.Outcome,
            [ClientAddressColumn] = auditEvent.ClientAddress,
            [RoleSessionNameColumn] = auditEvent.RoleSessionName,
            [RequestIdColumn] = auditEvent.RequestId,
        }, cancellationToken);
    }

    /// <summary>
    /// Rows from <paramref name="newest"/>'s day back to <paramref name="oldest"/>'s, newest first: one partition query per
    /// day, a few days at a time, so a quiet year of empty days costs round trips in parallel rather than a table scan.
    /// </summary>
    public async IAsyncEnumerable<AuditRecord> ReadAsync(
        DateTimeOffset newest, DateTimeOffset oldest, string? userId, string? action, int limit, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!await ExistsAsync(cancellationToken))
        {
            yield break;
        }

        var days = new List<DateTime>();
        for (var day = newest.UtcDateTime.Date; day >= oldest.UtcDateTime.Date; day = day.AddDays(-1))
        {
            days.Add(day);
        }

        foreach (var chunk in days.Chunk(DaysInParallel))
        {
            var pages = await Task.WhenAll(chunk.Select(day => ReadDayAsync(day, userId, action, limit, cancellationToken)));
            foreach (var record in pages.SelectMany(page => page))
            {
                if (record.Time >= oldest && record.Time <= newest)
                {
                    yield return record;
                }
            }
        }
    }

    // A day's newest rows come first, so no day needs more than the limit.
    private async Task<List<AuditRecord>> ReadDayAsync(DateTime day, string? userId, string? action, int limit, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PartitionOf(day)}");
        if (userId is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"UserId eq {userId}");
        }

        if (action is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Action eq {action}");
        }

        var records = new List<AuditRecord>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(limit, 1000), cancellationToken: cancellationToken))
        {
            if (ToRecord(entity) is { } record)
            {
                records.Add(record);
                if (records.Count == limit)
                {
                    break;
                }
            }
        }

        return records;
    }

    /// <summary>Deletes every row older than <paramref name="cutoff"/>: whole older days, and the older part of the cutoff's day.</summary>
    public async Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        if (!await ExistsAsync(cancellationToken))
        {
            return 0;
        }

        var day = PartitionOf(cutoff);
        // PartitionKey is the day, so "older days" is a key range, not a scan of the rows that stay.
        var filter = TableClient.CreateQueryFilter($"PartitionKey lt {day} or (PartitionKey eq {day} and Time lt {cutoff})");
        var deleted = 0;
        var batch = new List<TableTransactionAction>(BatchSize);
        string? partition = null;
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            // A transaction holds up to 100 rows of one partition.
            if (batch.Count == BatchSize || (partition is not null && partition != entity.PartitionKey))
            {
                deleted += await SubmitAsync(batch, cancellationToken);
            }

            partition = entity.PartitionKey;
            batch.Add(new TableTransactionAction(TableTransactionActionType.Delete, entity, ETag.All));
        }

        return deleted + await SubmitAsync(batch, cancellationToken);
    }

    private async Task<int> SubmitAsync(List<TableTransactionAction> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return 0;
        }

        var count = batch.Count;
        await _table.SubmitTransactionAsync(batch, cancellationToken);
        batch.Clear();
        return count;
    }

    private async Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        if (_tableExists)
        {
            return;
        }

        try
        {
            await _table.CreateIfNotExistsAsync(cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 403)
        {
            // In Azure the templates create the table and the app's identity may only write rows in it.
        }

        _tableExists = true;
    }

    // Asks the table itself, not the account's table list: readers and writers hold rights on this table only.
    private async Task<bool> ExistsAsync(CancellationToken cancellationToken)
    {
        if (_tableExists)
        {
            return true;
        }

        try
        {
            await using var pages = _table.QueryAsync<TableEntity>("PartitionKey eq '~'", maxPerPage: 1, cancellationToken: cancellationToken)
                .AsPages().GetAsyncEnumerator(cancellationToken);
            await pages.MoveNextAsync();
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }

    private static AuditRecord? ToRecord(TableEntity entity) =>
        EntityReader.DateTime(entity, TimeColumn) is { } time && EntityReader.String(entity, ActionColumn) is { } action
            ? new AuditRecord(
                time,
                action,
                EntityReader.String(entity, UserIdColumn),
                EntityReader.String(entity, TargetColumn),
                EntityReader.String(entity, OutcomeColumn),
                EntityReader.String(entity, ClientAddressColumn),
                EntityReader.String(entity, RoleSessionNameColumn),
                EntityReader.String(entity, RequestIdColumn))
            : null;
}
