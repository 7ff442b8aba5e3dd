using System.Globalization;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using FileBridge.Core.Storage;
using Microsoft.Extensions.Options;

namespace FileBridge.Core.Audit;

/// <summary>
/// The Audit table: PartitionKey = the UTC day and a shard (<c>yyyyMMdd-NN</c>; rows written before shards existed sit in
/// <c>yyyyMMdd</c>), RowKey = inverted ticks and a random suffix, so a partition reads newest first and two events in one
/// tick never collide. Rows go to the day's shards in turn, never by user, so no partition gets more than its share.
/// Reads walk a day's partitions, never the table.
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
    private readonly int _shards = options.Value.Shards;
    private volatile bool _tableExists;
    private uint _nextShard;

    /// <summary>The partition of rows written before shards existed: the UTC day alone.</summary>
    public static string PartitionOf(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public static string PartitionOf(DateTimeOffset time, int shard) =>
        PartitionOf(time) + "-" + shard.ToString("D2", CultureInfo.InvariantCulture);

    /// <summary>Stores one row (a download link waits for its own) in the next shard.</summary>
    public async Task WriteAsync(AuditEvent auditEvent, DateTimeOffset time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        await EnsureTableAsync(cancellationToken);
        await _table.AddEntityAsync(ToEntity(auditEvent, time, NextShard()), cancellationToken);
    }

    /// <summary>
    /// Stores rows in transactions of up to 100 rows, each to the next shard in turn, all at once. A whole transaction
    /// goes to one shard (rather than each row to the next) so that a few rows make one transaction, not one each; the
    /// writer gathers rows for a moment, so under load the transactions are full and spread over every shard. A
    /// transaction that fails is retried row by row, so one bad row never takes its batch-mates with it. Returns the
    /// rows that could not be stored.
    /// </summary>
    public async Task<IReadOnlyList<AuditEvent>> WriteBatchAsync(
        IReadOnlyList<(AuditEvent Event, DateTimeOffset Time)> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return [];
        }

        await EnsureTableAsync(cancellationToken);
        // A transaction holds rows of one partition: one day (a gathering may straddle midnight), one shard.
        var batches = rows
            .GroupBy(row => PartitionOf(row.Time), StringComparer.Ordinal)
            .SelectMany(day => day.Chunk(BatchSize))
            .Select(chunk => NextShard() is var shard ? chunk.Select(row => (row.Event, Entity: ToEntity(row.Event, row.Time, shard))).ToArray() : []);
        var failed = await Task.WhenAll(batches.Select(batch => WriteTransactionAsync(batch, cancellationToken)));
        return failed.SelectMany(f => f).ToList();
    }

    private async Task<List<AuditEvent>> WriteTransactionAsync((AuditEvent Event, TableEntity Entity)[] batch, CancellationToken cancellationToken)
    {
        try
        {
            await _table.SubmitTransactionAsync(batch.Select(row => new TableTransactionAction(TableTransactionActionType.Add, row.Entity)), cancellationToken);
            return [];
        }
        catch (Exception e) when (e is RequestFailedException or TableTransactionFailedException)
        {
            // A transaction is all or nothing: find out row by row which ones the table refuses.
        }

        var failed = new List<AuditEvent>();
        foreach (var (auditEvent, entity) in batch)
        {
            try
            {
                await _table.AddEntityAsync(entity, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                // Stored by the transaction after all (its answer was lost): not a failure.
            }
            catch (RequestFailedException)
            {
                failed.Add(auditEvent);
            }
        }

        return failed;
    }

    private int NextShard() => (int)(Interlocked.Increment(ref _nextShard) % (uint)_shards);

    private static TableEntity ToEntity(AuditEvent auditEvent, DateTimeOffset time, int shard)
    {
        var rowKey = (DateTimeOffset.MaxValue.UtcTicks - time.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N");
        return new TableEntity(PartitionOf(time, shard), rowKey)
        {
            [TimeColumn] = time,
            [ActionColumn] = auditEvent.Action,
            [UserIdColumn] = auditEvent.UserId,
            [TargetColumn] = auditEvent.Target,
            [OutcomeColumn] = auditEvent.Outcome,
            [ClientAddressColumn] = auditEvent.ClientAddress,
            [RoleSessionNameColumn] = auditEvent.RoleSessionName,
            [RequestIdColumn] = auditEvent.RequestId,
        };
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

    // Each partition's newest rows come first, so no partition needs more than the limit; the day's are merged by RowKey
    // (inverted ticks), which is newest first across shards.
    private async Task<List<AuditRecord>> ReadDayAsync(DateTime day, string? userId, string? action, int limit, CancellationToken cancellationToken)
    {
        var partitions = await PartitionsOfDayAsync(day, cancellationToken);
        var reads = await Task.WhenAll(partitions.Select(partition => ReadPartitionAsync(partition, userId, action, limit, cancellationToken)));
        return reads.SelectMany(rows => rows)
            .OrderBy(row => row.RowKey, StringComparer.Ordinal)
            .Take(limit)
            .Select(row => row.Record)
            .ToList();
    }

    /// <summary>
    /// The day's partitions that hold rows: the unsharded <c>yyyyMMdd</c> of older rows and every <c>yyyyMMdd-NN</c>,
    /// whatever <c>Audit:Shards</c> was when they were written. Each step asks for the first row past the last partition
    /// found, so a day costs one round trip per partition plus one, and an empty day one.
    /// </summary>
    private async Task<List<string>> PartitionsOfDayAsync(DateTime day, CancellationToken cancellationToken)
    {
        var first = PartitionOf(day);
        // '-' sorts just before '.', so [day, day + ".") holds the day's own partition and all its shards.
        var end = first + ".";
        var found = new List<string>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {first} and PartitionKey lt {end}");
        while (true)
        {
            var next = await _table.QueryAsync<TableEntity>(filter, maxPerPage: 1, select: ["PartitionKey"], cancellationToken: cancellationToken)
                .FirstOrDefaultAsync(cancellationToken);
            if (next is null)
            {
                return found;
            }

            found.Add(next.PartitionKey);
            filter = TableClient.CreateQueryFilter($"PartitionKey gt {next.PartitionKey} and PartitionKey lt {end}");
        }
    }

    private async Task<List<(string RowKey, AuditRecord Record)>> ReadPartitionAsync(
        string partition, string? userId, string? action, int limit, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        if (userId is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"UserId eq {userId}");
        }

        if (action is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Action eq {action}");
        }

        var records = new List<(string, AuditRecord)>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(limit, 1000), cancellationToken: cancellationToken))
        {
            if (ToRecord(entity) is { } record)
            {
                records.Add((entity.RowKey, record));
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
        // PartitionKey starts with the day, so "older days" is a key range, not a scan of the rows that stay; the cutoff
        // day's own partitions are [day, day + "."): the unsharded one and every shard.
        var dayEnd = day + ".";
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey lt {day} or (PartitionKey ge {day} and PartitionKey lt {dayEnd} and Time lt {cutoff})");
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
