using Azure;
using Azure.Data.Tables;
using FileBridge.Core.Storage;
using Microsoft.Extensions.Options;

namespace FileBridge.Core.Login;

/// <summary>Lockout counters of real accounts: columns of their own Users row, merged so other columns stay.</summary>
public sealed class AccountLoginStateStore(TableServiceClient service, IOptions<UsersOptions> options) : ILoginStateStore
{
    private readonly TableClient _table = service.GetTableClient(options.Value.TableName);

    public async Task<LoginState> ReadAsync(string userId, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(userId, userId, cancellationToken: cancellationToken);
        return response.HasValue ? LoginStateColumns.Read(response.Value!) : LoginState.None;
    }

    public async Task<LoginState?> TryWriteAsync(string userId, LoginState current, LoginState next, CancellationToken cancellationToken)
    {
        if (current.ETag == default)
        {
            // The account is gone: there is nothing to lock any more.
            return null;
        }

        try
        {
            var response = await _table.UpdateEntityAsync(
                LoginStateColumns.Write(new TableEntity(userId, userId), next), current.ETag, TableUpdateMode.Merge, cancellationToken);
            return next with { ETag = response.Headers.ETag ?? default };
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return null;
        }
    }
}
