using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FileBridge.Core.Sessions;

/// <summary>
/// Deletes session rows past their absolute expiry or idle timeout, so sessions nobody presents again do not stay
/// in the table forever; run by a timer. A session presented after expiry is still refused and deleted on the spot.
/// </summary>
public sealed partial class ExpiredSessionSweep(
    TableServiceClient service, IOptions<SessionsOptions> options, TimeProvider time, ILogger<ExpiredSessionSweep> logger)
{
    private readonly TableClient _table = service.GetTableClient(options.Value.TableName);

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var idleSince = now - options.Value.IdleTimeout;
        var filter = TableClient.CreateQueryFilter($"ExpiresAt le {now} or LastSeenAt le {idleSince}");
        var deleted = 0;
        try
        {
            await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
            {
                try
                {
                    await _table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
                    deleted++;
                }
                catch (RequestFailedException e) when (e.Status == 404)
                {
                    // Signed out or swept by another instance meanwhile.
                }
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No session was ever started: no table yet.
        }

        LogSwept(logger, deleted);
        return deleted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} expired sessions")]
    private static partial void LogSwept(ILogger logger, int count);
}
