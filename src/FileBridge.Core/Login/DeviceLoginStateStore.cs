using Azure.Data.Tables;
using FileBridge.Core.Storage;

namespace FileBridge.Core.Login;

/// <summary>
/// The budgets of known browsers, in the attempts table beside the unknown names' counters: one partition per
/// person (keyed by the same keyed hash of the name), one row per device id, so a person's budgets are cleared
/// without a scan. Keys are <see cref="LoginBudget.Key"/>s (<c>userId/deviceId</c>). Rows exist only for device
/// cookies that passed their MAC, expire with their window and are swept like the unknown names' rows.
/// </summary>
public sealed class DeviceLoginStateStore(UnknownNameLoginStateStore attempts) : ILoginStateStore
{
    private const string PartitionPrefix = "device-";

    public async Task<LoginState> ReadAsync(string userId, CancellationToken cancellationToken)
    {
        var (partition, row) = await KeysAsync(userId, cancellationToken);
        var response = await attempts.Table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken);
        return response.HasValue ? LoginStateColumns.Read(response.Value!) : LoginState.None;
    }

    public async Task<LoginState?> TryWriteAsync(string userId, LoginState current, LoginState next, CancellationToken cancellationToken)
    {
        var (partition, row) = await KeysAsync(userId, cancellationToken);
        return await attempts.TryWriteRowAsync(new TableEntity(partition, row), current, next, cancellationToken);
    }

    /// <summary>Clears every known browser's budget of <paramref name="userId"/>; returns how many there were.</summary>
    public async Task<int> DeleteAllForUserAsync(string userId, CancellationToken cancellationToken)
    {
        var partition = PartitionPrefix + await attempts.HashOfNameAsync(userId, cancellationToken);
        var deleted = 0;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        await foreach (var entity in attempts.Table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            // A row swept meanwhile is not counted.
            if (await attempts.Table.DeleteIfPresentAsync(entity.PartitionKey, entity.RowKey, cancellationToken))
            {
                deleted++;
            }
        }

        return deleted;
    }

    private async Task<(string Partition, string Row)> KeysAsync(string key, CancellationToken cancellationToken)
    {
        var slash = key.LastIndexOf('/');
        if (slash <= 0 || slash == key.Length - 1)
        {
            throw new ArgumentException("A device budget key is userId/deviceId.", nameof(key));
        }

        return (PartitionPrefix + await attempts.HashOfNameAsync(key[..slash], cancellationToken), key[(slash + 1)..]);
    }
}
