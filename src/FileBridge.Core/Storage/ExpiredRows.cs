using Azure;
using Azure.Data.Tables;

namespace FileBridge.Core.Storage;

/// <summary>Deletes rows whose expiry column has passed, so that short-lived state cannot fill a table.</summary>
public static class ExpiredRows
{
    public static async Task<int> DeleteAsync(TableClient table, string expiresAtColumn, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var deleted = 0;
        try
        {
            // The column name is not a value: only the time goes through the filter's quoting.
            var filter = $"{expiresAtColumn} le {TableClient.CreateQueryFilter($"{now}")}";
            await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
            {
                try
                {
                    // Under the ETag read: a row renewed meanwhile stays.
                    await table.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, entity.ETag, cancellationToken);
                    deleted++;
                }
                catch (RequestFailedException e) when (e.Status is 404 or 412)
                {
                }
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No table yet: nothing has expired.
        }

        return deleted;
    }
}
