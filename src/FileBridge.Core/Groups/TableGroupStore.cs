using Azure;
using Azure.Data.Tables;
using FileBridge.Core.Storage;
using FileBridge.Core.Users;
using Microsoft.Extensions.Options;

namespace FileBridge.Core.Groups;

/// <summary>Groups in Azure Table storage: PartitionKey = RowKey = the normalized group name; columns <c>DisplayName</c>, <c>Prefixes</c>.</summary>
public sealed class TableGroupStore(TableServiceClient service, IOptions<GroupsOptions> options) : IGroupStore
{
    internal const string DisplayNameColumn = "DisplayName";
    internal const string PrefixesColumn = "Prefixes";

    private readonly TableClient _table = service.GetTableClient(options.Value.TableName);

    public async Task<AccessGroup?> FindAsync(string groupId, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _table.GetEntityIfExistsAsync<TableEntity>(groupId, groupId, cancellationToken: cancellationToken);
            return response.HasValue ? ToGroup(response.Value!) : null;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No table yet: no group exists, which is not a fault.
            return null;
        }
    }

    public async Task<IReadOnlyList<AccessGroup>> ListAsync(CancellationToken cancellationToken)
    {
        var groups = new List<AccessGroup>();
        try
        {
            await foreach (var entity in _table.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
            {
                groups.Add(ToGroup(entity));
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return [];
        }

        return groups.OrderBy(g => g.Id, StringComparer.Ordinal).ToList();
    }

    public async Task AddAsync(AccessGroup group, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        await _table.CreateIfNotExistsAsync(cancellationToken);
        try
        {
            await _table.AddEntityAsync(ToEntity(group), cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            throw new GroupAlreadyExistsException(group.Id);
        }
    }

    public async Task<bool> TryUpdateAsync(AccessGroup group, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        try
        {
            // Merge: columns an operator added by hand survive.
            await _table.UpdateEntityAsync(ToEntity(group), group.ETag, TableUpdateMode.Merge, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false;
        }
    }

    public async Task<bool> TryDeleteAsync(AccessGroup group, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        try
        {
            await _table.DeleteEntityAsync(group.Id, group.Id, group.ETag, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false;
        }
    }

    internal static AccessGroup ToGroup(TableEntity entity) => new(
        entity.RowKey,
        EntityReader.String(entity, DisplayNameColumn) is { Length: > 0 } name ? name : entity.RowKey,
        PrefixList.Parse(EntityReader.String(entity, PrefixesColumn)),
        entity.ETag);

    private static TableEntity ToEntity(AccessGroup group) => new(group.Id, group.Id)
    {
        [DisplayNameColumn] = group.DisplayName,
        // An empty list is stored as an empty string: the group grants nothing.
        [PrefixesColumn] = PrefixList.Format(group.Prefixes),
    };
}
