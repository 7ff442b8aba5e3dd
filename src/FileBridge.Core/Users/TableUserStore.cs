using Azure;
using Azure.Data.Tables;
using FileBridge.Core.Login;
using FileBridge.Core.Storage;
using Microsoft.Extensions.Options;

namespace FileBridge.Core.Users;

/// <summary>Users in Azure Table storage: PartitionKey = RowKey = the normalized user name.</summary>
public sealed class TableUserStore(TableServiceClient service, IOptions<UsersOptions> options) : IUserStore
{
    internal const string PasswordHashColumn = "PasswordHash";
    internal const string DisplayNameColumn = "DisplayName";
    internal const string DisabledColumn = "Disabled";
    internal const string PrefixesColumn = "Prefixes";
    internal const string FailedLoginsColumn = "FailedLogins";
    internal const string LockedUntilColumn = "LockedUntil";
    internal const string SecurityStampColumn = "SecurityStamp";
    internal const string TemporaryPasswordExpiresAtColumn = "TemporaryPasswordExpiresAt";
    internal const string NoSecondFactorColumn = "NoSecondFactor";
    internal const string DeviceEpochColumn = "DeviceEpoch";
    internal const string GroupsColumn = "Groups";

    private readonly TableClient _table = service.GetTableClient(options.Value.TableName);

    public async Task<UserAccount?> FindAsync(string userId, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _table.GetEntityIfExistsAsync<TableEntity>(userId, userId, cancellationToken: cancellationToken);
            return response.HasValue ? ToAccount(response.Value!) : null;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // The table itself is missing: nobody can sign in yet, which is not a fault.
            return null;
        }
    }

    public async Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken)
    {
        var users = new List<UserAccount>();
        try
        {
            await foreach (var entity in _table.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
            {
                users.Add(ToAccount(entity));
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return [];
        }

        return users.OrderBy(u => u.Id, StringComparer.Ordinal).ToList();
    }

    public async Task AddAsync(NewUser user, CancellationToken cancellationToken)
    {
        await _table.CreateIfNotExistsAsync(cancellationToken);
        var entity = new TableEntity(user.Id, user.Id)
        {
            [PasswordHashColumn] = user.PasswordHash,
            [DisplayNameColumn] = user.DisplayName,
            [DisabledColumn] = false,
            [FailedLoginsColumn] = 0,
            [SecurityStampColumn] = Users.SecurityStamp.New(),
            [DeviceEpochColumn] = Users.SecurityStamp.NewDeviceEpoch(),
            [TemporaryPasswordExpiresAtColumn] = user.TemporaryPasswordExpiresAt ?? DateTimeOffset.UnixEpoch,
            [NoSecondFactorColumn] = user.NoSecondFactor,
        };
        if (user.Prefixes is { Count: > 0 } prefixes)
        {
            entity[PrefixesColumn] = PrefixList.Format(prefixes);
        }

        try
        {
            await _table.AddEntityAsync(entity, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            throw new UserAlreadyExistsException(user.Id);
        }
    }

    public Task<bool> TryUpdatePasswordHashAsync(UserAccount user, string passwordHash, CancellationToken cancellationToken) =>
        TryMergeAsync(new TableEntity(user.Id, user.Id) { [PasswordHashColumn] = passwordHash }, user.ETag, cancellationToken);

    public async Task UpdateAsync(string userId, UserChange change, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(userId, userId);
        if (change.DisplayName is not null)
        {
            entity[DisplayNameColumn] = change.DisplayName;
        }

        if (change.PasswordHash is not null)
        {
            entity[PasswordHashColumn] = change.PasswordHash;
            // Merge ignores nulls, so "not temporary" is a moment in the past.
            entity[TemporaryPasswordExpiresAtColumn] = change.TemporaryPasswordExpiresAt ?? DateTimeOffset.UnixEpoch;
        }

        if (change.Disabled is { } disabled)
        {
            entity[DisabledColumn] = disabled;
        }

        if (change.Prefixes is not null)
        {
            // An empty list is stored as an empty string: "no prefixes of their own" means the defaults.
            entity[PrefixesColumn] = PrefixList.Format(change.Prefixes);
        }

        if (change.Groups is not null)
        {
            entity[GroupsColumn] = PrefixList.Format(change.Groups);
        }

        if (change.NewDeviceEpoch)
        {
            entity[DeviceEpochColumn] = Users.SecurityStamp.NewDeviceEpoch();
        }

        if (change.ResetLockout)
        {
            LoginStateColumns.Write(entity, LoginState.None);
        }

        // In the same write as the change itself: there is no moment where the new password is stored
        // and a session created under the old one still counts.
        if (change.EndsSessions)
        {
            entity[SecurityStampColumn] = Users.SecurityStamp.New();
        }

        try
        {
            await _table.UpdateEntityAsync(entity, change.IfMatch ?? ETag.All, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw new UserNotFoundException(userId);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            throw new UserChangedException(userId);
        }
    }

    public async Task<bool> TryDeleteAsync(UserAccount user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        try
        {
            await _table.DeleteEntityAsync(user.Id, user.Id, user.ETag, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false;
        }
    }

    public async Task<bool> CanReachAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _table.QueryAsync<TableEntity>(maxPerPage: 1, select: ["PartitionKey"], cancellationToken: cancellationToken)
                .AsPages().FirstOrDefaultAsync(cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Reachable; the table is created with the first user.
            return true;
        }
        catch (RequestFailedException)
        {
            return false;
        }
    }

    private async Task<bool> TryMergeAsync(TableEntity entity, ETag etag, CancellationToken cancellationToken)
    {
        try
        {
            await _table.UpdateEntityAsync(entity, etag, TableUpdateMode.Merge, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false;
        }
    }

    internal static UserAccount ToAccount(TableEntity entity)
    {
        var prefixes = EntityReader.String(entity, PrefixesColumn);
        return new UserAccount(
            entity.RowKey,
            EntityReader.String(entity, DisplayNameColumn) is { Length: > 0 } name ? name : entity.RowKey,
            EntityReader.String(entity, PasswordHashColumn) ?? string.Empty,
            EntityReader.Boolean(entity, DisabledColumn),
            string.IsNullOrWhiteSpace(prefixes) ? null : PrefixList.Parse(prefixes),
            EntityReader.Int32(entity, FailedLoginsColumn),
            EntityReader.DateTime(entity, LockedUntilColumn),
            entity.ETag,
            EntityReader.String(entity, SecurityStampColumn) is { Length: > 0 } stamp ? stamp : null)
        {
            TemporaryPasswordExpiresAt = EntityReader.DateTime(entity, TemporaryPasswordExpiresAtColumn) is { } expires && expires > DateTimeOffset.UnixEpoch
                ? expires
                : null,
            NoSecondFactor = EntityReader.Boolean(entity, NoSecondFactorColumn),
            DeviceEpoch = EntityReader.String(entity, DeviceEpochColumn) ?? string.Empty,
            Groups = PrefixList.Parse(EntityReader.String(entity, GroupsColumn)).Select(Groups.GroupName.Normalize).Distinct(StringComparer.Ordinal).ToList(),
        };
    }
}
