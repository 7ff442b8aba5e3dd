using System.Diagnostics;
using Azure.Data.Tables;

namespace FileBridge.Testing;

/// <summary>Reads a test's own Audit table straight from Azurite.</summary>
public sealed class AuditRows(string connectionString, string tableName)
{
    public AuditRows(IReadOnlyDictionary<string, string?> settings)
        : this(settings["Users:ConnectionString"]!, settings["Audit:TableName"]!)
    {
    }

    public TableClient Table { get; } = new TableServiceClient(connectionString).GetTableClient(tableName);

    public async Task<List<TableEntity>> AllAsync()
    {
        var rows = new List<TableEntity>();
        try
        {
            await foreach (var row in Table.QueryAsync<TableEntity>())
            {
                rows.Add(row);
            }
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            // No row yet: the table is created with the first one.
        }

        return rows;
    }

    /// <summary>Rows are queued for most actions: poll (generous deadline) until the table holds what the test expects.</summary>
    public async Task<List<TableEntity>> WaitForAsync(Func<List<TableEntity>, bool> done, TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.StartNew();
        var rows = await AllAsync();
        while (!done(rows) && deadline.Elapsed < (timeout ?? TimeSpan.FromSeconds(20)))
        {
            await Task.Delay(20);
            rows = await AllAsync();
        }

        return rows;
    }
}
