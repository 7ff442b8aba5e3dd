using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using FileBridge.Core.SecondFactor;
using FileBridge.Core.Storage;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace FileBridge.Core.Passkeys;

/// <summary>
/// WebAuthn challenges, server-side: valid <see cref="Lifetime"/>, used once, and bound to the browser
/// that asked: the row is keyed by the hash of a random value only that browser holds. Taking a
/// challenge marks its row used under its ETag, so of two requests spending one challenge only one gets
/// it; the row is deleted afterwards. (The mark, not the delete, decides: Azurite lets several
/// ETag-guarded deletes of one row succeed when they arrive together.)
/// </summary>
public sealed class ChallengeStore(TableServiceClient service, IOptions<SecondFactorOptions> options, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    internal const string OptionsColumn = "Options";
    internal const string UserIdColumn = "UserId";
    internal const string ExpiresAtColumn = "ExpiresAt";
    internal const string UsedColumn = "Used";

    private readonly TableClient _table = service.GetTableClient(options.Value.ChallengesTableName);

    /// <summary>Stores the options sent with a challenge; the ticket's binding goes to the browser that asked.</summary>
    public async Task<ChallengeTicket> IssueAsync(ChallengePurpose purpose, string optionsJson, string? userId, CancellationToken cancellationToken)
    {
        var binding = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var expiresAt = time.GetUtcNow() + Lifetime;
        var entity = new TableEntity(KeyOf(binding), purpose.ToString())
        {
            [OptionsColumn] = optionsJson,
            [ExpiresAtColumn] = expiresAt,
        };
        if (userId is not null)
        {
            entity[UserIdColumn] = userId;
        }

        await _table.CreateIfNotExistsAsync(cancellationToken);
        await _table.AddEntityAsync(entity, cancellationToken);
        return new ChallengeTicket(binding, expiresAt);
    }

    /// <summary>The challenge, once: null when the binding is unknown, expired, for another purpose or already taken.</summary>
    public async Task<IssuedChallenge?> TakeAsync(string? binding, ChallengePurpose purpose, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(binding) || binding.Length > 128)
        {
            return null;
        }

        TableEntity entity;
        try
        {
            var response = await _table.GetEntityIfExistsAsync<TableEntity>(KeyOf(binding), purpose.ToString(), cancellationToken: cancellationToken);
            if (!response.HasValue)
            {
                return null;
            }

            entity = response.Value!;
            if (entity.GetBoolean(UsedColumn) == true)
            {
                return null;
            }

            await _table.UpdateEntityAsync(
                new TableEntity(entity.PartitionKey, entity.RowKey) { [UsedColumn] = true }, entity.ETag, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return null;
        }

        // Already gone is fine: the mark above is what made this use the only one.
        await _table.DeleteIfPresentAsync(entity.PartitionKey, entity.RowKey, cancellationToken);

        var expiresAt = entity.GetDateTimeOffset(ExpiresAtColumn);
        return expiresAt is { } expiry && expiry > time.GetUtcNow() && entity.GetString(OptionsColumn) is { } optionsJson
            ? new IssuedChallenge(optionsJson, entity.GetString(UserIdColumn))
            : null;
    }

    /// <summary>Removes challenges nobody came back for; returns how many.</summary>
    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken) =>
        await ExpiredRows.DeleteAsync(_table, ExpiresAtColumn, time.GetUtcNow(), cancellationToken);

    private static string KeyOf(string binding) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(binding)));
}
