using Azure;
using Azure.Data.Tables;
using FileBridge.Core.Storage;
using Microsoft.Extensions.Options;

namespace FileBridge.Core.SecondFactor;

/// <summary>
/// Reads and writes only the second-factor columns of the Users row, merged under the row's ETag, so that
/// the user store's own columns are never touched and two instances cannot both act on one read.
/// </summary>
public sealed class UserFactorStore(TableServiceClient service, IOptions<UsersOptions> options)
{
    internal const string TotpSecretColumn = "TotpSecret";
    internal const string TotpPendingSecretColumn = "TotpPendingSecret";
    internal const string TotpLastStepColumn = "TotpLastStep";
    internal const string RecoveryCodesColumn = "RecoveryCodes";
    internal const string PasskeyUserHandleColumn = "PasskeyUserHandle";

    /// <summary>
    /// How often a decision is taken again after another write to the row won. Each round re-reads, so the
    /// guard (a step later than the last one, a code still unused) is checked against what won.
    /// </summary>
    private const int Rounds = 5;

    private readonly TableClient _table = service.GetTableClient(options.Value.TableName);

    /// <summary>The columns, or null when the account does not exist.</summary>
    public async Task<UserFactors?> ReadAsync(string userId, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _table.GetEntityIfExistsAsync<TableEntity>(userId, userId, cancellationToken: cancellationToken);
            return response.HasValue ? ToFactors(response.Value!) : null;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Every account's columns in one scan of the table, for the operator's <c>users list</c>.</summary>
    public async Task<IReadOnlyList<UserFactors>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = new List<UserFactors>();
        try
        {
            await foreach (var entity in _table.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
            {
                rows.Add(ToFactors(entity));
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return [];
        }

        return rows;
    }

    /// <summary>Writes <paramref name="change"/> only if the row is still as <paramref name="current"/> read it.</summary>
    public async Task<bool> TryWriteAsync(UserFactors current, UserFactorsChange change, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(current.UserId, current.UserId);
        Set(entity, TotpSecretColumn, change.TotpSecret);
        Set(entity, TotpPendingSecretColumn, change.TotpPendingSecret);
        Set(entity, PasskeyUserHandleColumn, change.PasskeyUserHandle);
        if (change.TotpLastStep is { } step)
        {
            entity[TotpLastStepColumn] = step;
        }

        if (change.RecoveryCodeHashes is { } hashes)
        {
            entity[RecoveryCodesColumn] = string.Join(';', hashes);
        }

        try
        {
            await _table.UpdateEntityAsync(entity, current.ETag, TableUpdateMode.Merge, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false;
        }
    }

    /// <summary>
    /// Reads the row, lets <paramref name="decide"/> choose a change (or none), and writes it under the
    /// ETag it read. When another write won in between, reads again and decides again. Returns what was
    /// decided on the read that was written, or <paramref name="refused"/> when the account is gone, the
    /// decision was no change, or the row kept changing.
    /// </summary>
    public async Task<T> UpdateAsync<T>(
        string userId, Func<UserFactors, (UserFactorsChange? Change, T Result)> decide, T refused, CancellationToken cancellationToken)
    {
        for (var round = 0; round < Rounds; round++)
        {
            var current = await ReadAsync(userId, cancellationToken);
            if (current is null)
            {
                return refused;
            }

            var (change, result) = decide(current);
            if (change is null)
            {
                return result;
            }

            if (await TryWriteAsync(current, change, cancellationToken))
            {
                return result;
            }
        }

        return refused;
    }

    private static void Set(TableEntity entity, string column, string? value)
    {
        if (value is not null)
        {
            entity[column] = value;
        }
    }

    private static UserFactors ToFactors(TableEntity entity)
    {
        var codes = EntityReader.String(entity, RecoveryCodesColumn);
        return new UserFactors(
            entity.RowKey,
            Empty(EntityReader.String(entity, TotpSecretColumn)),
            Empty(EntityReader.String(entity, TotpPendingSecretColumn)),
            entity.TryGetValue(TotpLastStepColumn, out var step) ? step switch
            {
                long l => l,
                int i => i,
                string s when long.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out var parsed) => parsed,
                _ => 0,
            } : 0,
            string.IsNullOrEmpty(codes) ? [] : codes.Split(';', StringSplitOptions.RemoveEmptyEntries),
            Empty(EntityReader.String(entity, PasskeyUserHandleColumn)),
            entity.ETag);
    }

    private static string? Empty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
