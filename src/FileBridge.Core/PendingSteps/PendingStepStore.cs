using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using FileBridge.Core.SecondFactor;
using FileBridge.Core.Storage;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace FileBridge.Core.PendingSteps;

/// <summary>
/// Pending sign-in steps, server-side, keyed by the SHA-256 of the <c>__Host-fb_pending</c> cookie (the
/// cookie itself is never stored). Every change is written under the row's ETag: the code counter
/// holds however many codes arrive at once, and a step finishes once, so it yields one session at most.
/// Finishing marks the row under its ETag and then deletes it: the mark decides (Azurite lets several
/// ETag-guarded deletes of one row succeed when they arrive together).
/// </summary>
public sealed class PendingStepStore(TableServiceClient service, IOptions<SecondFactorOptions> options, TimeProvider time)
{
    public const int MaxCodesPerStep = 3;
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan EnrollLifetime = TimeSpan.FromMinutes(15);

    internal const string UserIdColumn = "UserId";
    internal const string StepColumn = "Step";
    internal const string ExpiresAtColumn = "ExpiresAt";
    internal const string CodesTriedColumn = "CodesTried";
    internal const string AmrColumn = "Amr";
    internal const string TemporaryPasswordColumn = "TemporaryPassword";
    internal const string SecurityStampColumn = "SecurityStamp";
    internal const string CreatedFromColumn = "CreatedFrom";
    internal const string FinishedColumn = "Finished";
    internal const string DeviceIdColumn = "DeviceId";
    internal const string FailuresColumn = "Failures";

    /// <summary>Re-reads after a lost write; each round re-checks the count against what won.</summary>
    private const int Rounds = 10;

    private readonly TableClient _table = service.GetTableClient(options.Value.PendingStepsTableName);

    public static TimeSpan LifetimeOf(PendingStepKind step) => step == PendingStepKind.Enroll ? EnrollLifetime : Lifetime;

    public async Task<PendingStepTicket> StartAsync(PendingStepStart start, CancellationToken cancellationToken)
    {
        var cookieValue = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var expiresAt = time.GetUtcNow() + LifetimeOf(start.Step);
        var entity = new TableEntity(KeyOf(cookieValue), string.Empty)
        {
            [UserIdColumn] = start.UserId,
            [StepColumn] = start.Step.ToString(),
            [ExpiresAtColumn] = expiresAt,
            [CodesTriedColumn] = 0,
            [AmrColumn] = start.Amr,
            [TemporaryPasswordColumn] = start.TemporaryPassword,
            [SecurityStampColumn] = start.SecurityStamp ?? string.Empty,
            [CreatedFromColumn] = start.CreatedFrom ?? string.Empty,
            [DeviceIdColumn] = start.DeviceId ?? string.Empty,
            [FailuresColumn] = start.Failures,
        };
        await _table.CreateIfNotExistsAsync(cancellationToken);
        await _table.AddEntityAsync(entity, cancellationToken);
        return new PendingStepTicket(cookieValue, expiresAt);
    }

    /// <summary>The step the cookie names, or null when it is missing, expired or finished.</summary>
    public async Task<PendingStep?> FindAsync(string? cookieValue, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(cookieValue) || cookieValue.Length > 128)
        {
            return null;
        }

        var key = KeyOf(cookieValue);
        try
        {
            var response = await _table.GetEntityIfExistsAsync<TableEntity>(key, string.Empty, cancellationToken: cancellationToken);
            return response.HasValue && ToStep(response.Value!) is { } step && step.ExpiresAt > time.GetUtcNow() ? step : null;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>
    /// Counts one code against the step before it is checked: at most <see cref="MaxCodesPerStep"/> are
    /// allowed per step, however many arrive at once; the one after that ends the step.
    /// </summary>
    public async Task<CodeAttempt> TryCountCodeAsync(string? cookieValue, CancellationToken cancellationToken)
    {
        for (var round = 0; round < Rounds; round++)
        {
            if (await FindAsync(cookieValue, cancellationToken) is not { } step)
            {
                return CodeAttempt.StepExpired;
            }

            if (step.CodesTried >= MaxCodesPerStep)
            {
                await TryDeleteAsync(step, cancellationToken);
                return CodeAttempt.StepExpired;
            }

            var entity = new TableEntity(step.Key, string.Empty) { [CodesTriedColumn] = step.CodesTried + 1 };
            try
            {
                await _table.UpdateEntityAsync(entity, step.ETag, TableUpdateMode.Merge, cancellationToken);
                return CodeAttempt.Allowed;
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                // Another code was counted meanwhile: count again against what it wrote.
            }
        }

        // The row kept changing under us: refuse rather than check a code uncounted.
        return CodeAttempt.StepExpired;
    }

    /// <summary>
    /// Ends the step once: the caller that gets the step back is the only one that may go on (issue the
    /// next step or a session); every other caller gets null.
    /// </summary>
    public async Task<PendingStep?> FinishAsync(string? cookieValue, CancellationToken cancellationToken)
    {
        for (var round = 0; round < Rounds; round++)
        {
            if (await FindAsync(cookieValue, cancellationToken) is not { } step)
            {
                return null;
            }

            try
            {
                await _table.UpdateEntityAsync(
                    new TableEntity(step.Key, string.Empty) { [FinishedColumn] = true }, step.ETag, TableUpdateMode.Merge, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                return null;
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // A code was counted, or another caller finished it, meanwhile: read again to see which.
                continue;
            }

            await TryDeleteAsync(step, cancellationToken);
            return step;
        }

        return null;
    }

    /// <summary>Ends the step without a result (sign-out, or a step that took its codes).</summary>
    public async Task DeleteAsync(string? cookieValue, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(cookieValue) || cookieValue.Length > 128)
        {
            return;
        }

        await _table.DeleteIfPresentAsync(KeyOf(cookieValue), string.Empty, cancellationToken);
    }

    /// <summary>Removes steps nobody finished; returns how many.</summary>
    public Task<int> DeleteExpiredAsync(CancellationToken cancellationToken) =>
        ExpiredRows.DeleteAsync(_table, ExpiresAtColumn, time.GetUtcNow(), cancellationToken);

    private Task TryDeleteAsync(PendingStep step, CancellationToken cancellationToken) =>
        _table.DeleteIfPresentAsync(step.Key, string.Empty, cancellationToken);

    private static string KeyOf(string cookieValue) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(cookieValue)));

    private static PendingStep? ToStep(TableEntity entity) =>
        !EntityReader.Boolean(entity, FinishedColumn)
        && Enum.TryParse<PendingStepKind>(EntityReader.String(entity, StepColumn), out var kind)
        && EntityReader.DateTime(entity, ExpiresAtColumn) is { } expiresAt
        && EntityReader.String(entity, UserIdColumn) is { Length: > 0 } userId
            ? new PendingStep(
                entity.PartitionKey,
                userId,
                kind,
                expiresAt,
                EntityReader.Int32(entity, CodesTriedColumn),
                EntityReader.String(entity, AmrColumn) ?? string.Empty,
                EntityReader.Boolean(entity, TemporaryPasswordColumn),
                EntityReader.String(entity, SecurityStampColumn) is { Length: > 0 } stamp ? stamp : null,
                EntityReader.String(entity, CreatedFromColumn) is { Length: > 0 } from ? from : null,
                entity.ETag)
            {
                DeviceId = EntityReader.String(entity, DeviceIdColumn) is { Length: > 0 } device ? device : null,
                Failures = EntityReader.Int32(entity, FailuresColumn),
            }
            : null;
}
