using Azure;
using Azure.Data.Tables;

namespace FileBridge.Core.Storage;

/// <summary>Deleting a row whatever its version, where a row already gone (signed out, swept, spent) is no fault.</summary>
public static class RowDeletes
{
    /// <summary>Deletes the row unconditionally; false when there was no such row.</summary>
    public static async Task<bool> DeleteIfPresentAsync(this TableClient table, string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        try
        {
            await table.DeleteEntityAsync(partitionKey, rowKey, ETag.All, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }
}
