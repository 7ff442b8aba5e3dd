using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using FileBridge.Core.Storage;

namespace FileBridge.Core.Sessions;

/// <summary>
/// Deletes session rows past their absolute expiry or idle timeout, so sessions nobody presents again do not stay
/// in the table forever; run by a timer. A session presented after expiry is still refused and deleted on the spot.
/// </summary>
public sealed partial class ExpiredSessionSweep(
    TableServiceClient service, IOptions<SessionsOptions> options, TimeProvider time, ILogger<ExpiredSessionSweep> logger)
{
    private readonly TableClient _sessions = service.GetTableClient(options.Value.TableName);
    private readonly TableClient _index = service.GetTableClient(options.Value.IndexTableName);

    /// <returns>How many rows went: session rows and the index entries of sessions that ended unseen.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var idleSince = now - options.Value.IdleTimeout;
        // Index entries carry the same two columns; a person's version row carries neither and stays.
        var filter = TableClient.CreateQueryFilter($"ExpiresAt le {now} or LastSeenAt le {idleSince}");
        var deleted = await SweepAsync(_sessions, filter, cancellationToken) + await SweepAsync(_index, filter, cancellationToken);
        LogSwept(logger, deleted);
        return deleted;
    }

    private static async Task<int> SweepAsync(TableClient table, string filter, CancellationToken cancellationToken)
    {
        var deleted = 0;
        try
        {
            await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
            {
                // A session signed out or swept by another instance meanwhile is not counted.
                if (await table.DeleteIfPresentAsync(row.PartitionKey, row.RowKey, cancellationToken))
                {
                    deleted++;
                }
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No session was ever started: no table yet.
        }

        return deleted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} expired sessions")]
    private static partial void LogSwept(ILogger logger, int count);
}
